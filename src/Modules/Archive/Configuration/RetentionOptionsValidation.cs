using Microsoft.Extensions.Options;
using Vakka.Archive.Domain.Retention;

namespace Vakka.Archive.Configuration;

/// <summary>Refuses to start with retention settings that would remap the law's own codes or name an unknown rule.</summary>
internal sealed class RetentionOptionsValidation : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => $"{ArchiveModule.RetentionSection}:{p}"));
    }
}
