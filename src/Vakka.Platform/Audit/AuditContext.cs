using Vakka.Platform.Access;

namespace Vakka.Platform.Audit;

/// <summary>
/// The audit event of the current request. The filter fills in the event, the action and the route target;
/// handlers add the ids they discover (the card, the client). One row is written per request.
/// </summary>
public sealed class AuditContext
{
    private readonly List<Guid> targets = [];
    private readonly List<Guid> subjects = [];

    public Enum? Event { get; private set; }
    public Enum? Action { get; private set; }
    public AuditOutcome? OutcomeOverride { get; private set; }
    /// <summary>The account acting, when it is known only inside the handler (sign-in).</summary>
    public Guid? ActorOverride { get; private set; }
    public IReadOnlyList<Guid> Targets => targets;
    public IReadOnlyList<Guid> Subjects => subjects;
    public bool IsActive => Event is not null;

    public void Begin(Enum auditEvent, Enum? action)
    {
        Event = auditEvent;
        Action = action;
    }

    /// <summary>A record acted on (a site, an account, a document).</summary>
    public AuditContext Target(Guid id)
    {
        if (id != Guid.Empty && !targets.Contains(id)) targets.Add(id);
        return this;
    }

    /// <summary>A person or card whose data was read or changed.</summary>
    public AuditContext Subject(Guid id)
    {
        if (id != Guid.Empty && !subjects.Contains(id)) subjects.Add(id);
        return this;
    }

    /// <summary>Mark the request's outcome when the HTTP result alone does not tell it (a form re-shown with errors).</summary>
    public void Outcome(AuditOutcome outcome) => OutcomeOverride = outcome;

    public void Actor(Guid accountId) => ActorOverride = accountId;

    public string EventCode => Event is null ? "" : ActionCode.Of(Event);
}
