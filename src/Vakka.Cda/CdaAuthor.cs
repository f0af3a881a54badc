using Vakka.Platform.Finnish;

namespace Vakka.Cda;

/// <summary>
/// The author of this act (design §a #15–#18).
/// </summary>
/// <param name="Role">functionCode: KIR, KOR or MIT of 1.2.246.537.5.40006.2003.</param>
/// <param name="Time">author/time.</param>
/// <param name="ProfessionalId">assignedAuthor/id; null is written as nullFlavor UNK (the social-welfare professional id root is open).</param>
/// <param name="Organisation">assignedAuthor/representedOrganization/id (the service unit the author acted for), optional.</param>
public sealed record CdaAuthor(Coded Role, DateTimeOffset Time, InstanceId? ProfessionalId = null, Oid? Organisation = null);
