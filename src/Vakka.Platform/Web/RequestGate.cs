using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Vakka.Platform.Access;
using Vakka.Platform.Audit;
using Vakka.Platform.Data;

namespace Vakka.Platform.Web;

public enum GateDecision { Proceed, Challenge, Forbid, NotFound }

/// <summary>
/// What both declaration filters do: deny undeclared handlers, check the declared action on its target,
/// write a row for every denial, and wrap an audited handler in a transaction that commits the change together
/// with its audit row.
/// </summary>
public sealed class RequestGate(AccessControl access, CurrentActor current, AuditContext audit, AuditLog auditLog,
    VakkaDb db, ILogger<RequestGate> log)
{
    private IDbContextTransaction? transaction;
    private Actor actor = Actor.Anonymous;

    public async Task<GateDecision> EnterAsync(HttpContext http, Declarations declared, Func<string, string?> lookup, string handlerName)
    {
        var ct = http.RequestAborted;
        if (!declared.IsComplete)
        {
            log.LogError("{Handler} does not declare its action and audit event; denied", handlerName);
            return GateDecision.Forbid;
        }

        actor = await current.GetAsync(ct);
        Guid? target = null;
        if (declared.Requires is { } requires)
        {
            if (!actor.IsAuthenticated) return GateDecision.Challenge;
            if (requires.Target is { } targetName)
            {
                if (!Guid.TryParse(lookup(targetName), out var id) || id == Guid.Empty) return GateDecision.NotFound;
                target = id;
            }
            if (!await access.HasAsync(actor, requires.Action, target, ct))
            {
                // Denied either way; an id that exists nowhere is answered "not found" rather than "forbidden".
                var missing = target is { } t && !await access.TargetExistsAsync(requires.Action, t, ct);
                var denied = declared.Audited?.Event;
                await auditLog.AppendAsync(NewRecord(http, denied is null ? "Platform.AccessDenied" : ActionCode.Of(denied),
                    requires.Action, missing ? AuditOutcome.NotFound : AuditOutcome.Denied, target is null ? [] : [target.Value], []), ct);
                return missing ? GateDecision.NotFound : GateDecision.Forbid;
            }
        }

        if (declared.Audited is { } audited)
        {
            audit.Begin(audited.Event, declared.Requires?.Action);
            if (target is { } t) audit.Target(t);
            transaction = await db.Database.BeginTransactionAsync(ct);
        }
        return GateDecision.Proceed;
    }

    /// <summary>Commits the handler's change with its audit row; on failure rolls back and records the failure.</summary>
    public async Task LeaveAsync(HttpContext http, AuditOutcome outcome, bool failed)
    {
        if (transaction is null) return;
        var ct = CancellationToken.None; // the row is written even if the client went away
        var record = NewRecord(http, audit.EventCode, audit.Action, audit.OutcomeOverride ?? outcome, audit.Targets, audit.Subjects);
        try
        {
            if (failed)
            {
                await transaction.RollbackAsync(ct);
                await auditLog.AppendAsync(record, ct);
            }
            else
            {
                await auditLog.AppendAndCommitAsync(record, transaction, ct);
            }
        }
        finally
        {
            await transaction.DisposeAsync();
            transaction = null;
        }
    }

    public static AuditOutcome OutcomeOf(int statusCode) => statusCode switch
    {
        < 400 => AuditOutcome.Success,
        400 or 422 => AuditOutcome.Invalid,
        401 or 403 => AuditOutcome.Denied,
        404 => AuditOutcome.NotFound,
        409 or 412 => AuditOutcome.Conflict,
        _ => AuditOutcome.Failed,
    };

    private AuditRecord NewRecord(HttpContext http, string eventCode, Enum? action, AuditOutcome outcome,
        IEnumerable<Guid> targets, IEnumerable<Guid> subjects) => new()
    {
        ActorAccountId = audit.ActorOverride ?? actor.AccountId?.Value,
        ActorApiKeyId = actor.ApiKeyId,
        ActorSiteId = actor.SiteId,
        EventCode = eventCode,
        ActionCode = action is null ? null : ActionCode.Of(action),
        Outcome = outcome,
        TargetIds = string.Join(',', targets),
        SubjectIds = string.Join(',', subjects),
        TraceId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
    };
}
