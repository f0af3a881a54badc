using Vakka.Testing;

namespace Vakka.Tests.Infrastructure;

/// <summary>One app shared by the slice tests; each test makes its own data with unique names.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<VakkaFactory>
{
    public const string Name = "app";
}
