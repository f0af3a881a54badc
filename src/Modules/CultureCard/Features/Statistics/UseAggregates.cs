using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Vakka.CultureCard.Domain;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Statistics;

/// <summary>Tickets of one breakdown key: adults and children (the uses), assistants apart; cardholders where counted.</summary>
public sealed record UseCounts(long Adults, long Children, long Assistants, int? Cardholders = null)
{
    public static readonly UseCounts Zero = new(0, 0, 0);
    public long Uses => Adults + Children;

    public UseCounts Plus(UseCounts o) => new(Adults + o.Adults, Children + o.Children, Assistants + o.Assistants,
        Cardholders is null && o.Cardholders is null ? null : (Cardholders ?? 0) + (o.Cardholders ?? 0));

    public UseCounts Minus(UseCounts o) => new(Adults - o.Adults, Children - o.Children, Assistants - o.Assistants, Cardholders);
}

/// <summary>The tickets of one month, venue area and card area under one key of one breakdown (the rollup's grain).</summary>
public sealed record UseAggregate(string Key, DateOnly Month, AreaId VenueAreaId, AreaId CardAreaId, UseCounts Counts);

/// <summary>
/// One breakdown of the uses: its name and how a use's key is read, in SQL (<see cref="Dim{TKey}.Key"/>) and as text.
/// Every breakdown is grouped in the database by the same two queries, whatever its key type.
/// </summary>
public abstract record Dim(string Name)
{
    public const string Total = "total", Category = "category", Age = "age", Gender = "gender", LifeSituation = "life",
        PostalArea = "postal", Venue = "venue", Issuer = "issuer", Month = "month";

    /// <summary>The breakdowns the rollup keeps (the month breakdown of a site's uses is read directly).</summary>
    public static readonly Dim[] Rolled =
    [
        new Dim<int>(Total, u => 0, _ => ""),
        new Dim<UseCategory>(Category, u => u.Category, k => k.ToString()),
        // The holder's age in the year of the use; the age groups are formed when read.
        new Dim<int?>(Age, u => u.BirthYear == null ? null : u.UseDate.Year - u.BirthYear, k => k?.ToString(CultureInfo.InvariantCulture) ?? ""),
        new Dim<Gender?>(Gender, u => u.Gender, k => k?.ToString() ?? ""),
        new Dim<int?>(LifeSituation, u => u.LifeSituationId, k => k?.ToString(CultureInfo.InvariantCulture) ?? ""),
        new Dim<string?>(PostalArea, u => u.PostalArea, k => k ?? ""),
        new Dim<SiteId>(Venue, u => u.VenueSiteId, k => k.Value.ToString()),
        new Dim<SiteId>(Issuer, u => u.IssuingSiteId, k => k.Value.ToString()),
    ];

    public static readonly Dim ByMonth = new Dim<int>(Month, u => u.UseDate.Year * 100 + u.UseDate.Month,
        k => new DateOnly(k / 100, k % 100, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Sums the uses by key, month, venue area and card area (the rollup's grain).</summary>
    public abstract Task<List<UseAggregate>> ByGrainAsync(IQueryable<CardUse> uses, CancellationToken ct);

    /// <summary>Sums the uses by key alone, with the distinct cardholders of each key (for one site's own numbers).</summary>
    public abstract Task<Dictionary<string, UseCounts>> ByKeyAsync(IQueryable<CardUse> uses, CancellationToken ct);
}

public sealed record Dim<TKey>(string Name, Expression<Func<CardUse, TKey>> Key, Func<TKey, string> Text) : Dim(Name)
{
    public override async Task<List<UseAggregate>> ByGrainAsync(IQueryable<CardUse> uses, CancellationToken ct)
    {
        var grain = Compose(u => new { K = Slot<TKey>(), u.UseDate.Year, u.UseDate.Month, u.VenueAreaId, u.CardAreaId });
        var rows = await uses.GroupBy(grain).Select(g => new
        {
            g.Key.K, g.Key.Year, g.Key.Month, g.Key.VenueAreaId, g.Key.CardAreaId,
            Adults = g.Sum(u => (long)u.AdultTickets), Children = g.Sum(u => (long)u.ChildTickets), Assistants = g.Sum(u => (long)u.AssistantTickets),
        }).ToListAsync(ct);
        return rows.Select(r => new UseAggregate(Text(r.K), new DateOnly(r.Year, r.Month, 1), r.VenueAreaId, r.CardAreaId,
            new UseCounts(r.Adults, r.Children, r.Assistants))).ToList();
    }

    public override async Task<Dictionary<string, UseCounts>> ByKeyAsync(IQueryable<CardUse> uses, CancellationToken ct)
    {
        var rows = await uses.GroupBy(Key).Select(g => new
        {
            g.Key,
            Adults = g.Sum(u => (long)u.AdultTickets), Children = g.Sum(u => (long)u.ChildTickets), Assistants = g.Sum(u => (long)u.AssistantTickets),
            Cardholders = g.Select(u => u.CardId).Distinct().Count(),
        }).ToListAsync(ct);
        return rows.GroupBy(r => Text(r.Key)).ToDictionary(g => g.Key,
            g => g.Select(r => new UseCounts(r.Adults, r.Children, r.Assistants, r.Cardholders)).Aggregate((a, b) => a.Plus(b)));
    }

    /// <summary>Stands for the breakdown's key inside a grouping shape; <see cref="Compose{T}"/> puts <see cref="Key"/> in its place.</summary>
    private static T Slot<T>() => throw new InvalidOperationException("Only a placeholder in an expression.");

    private Expression<Func<CardUse, T>> Compose<T>(Expression<Func<CardUse, T>> shape)
    {
        var key = new Replace(Key.Parameters[0], shape.Parameters[0]).Visit(Key.Body);
        return shape.Update(new SlotFiller(key).Visit(shape.Body), shape.Parameters);
    }

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private sealed class SlotFiller(Expression key) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.Name == nameof(Slot) && node.Method.DeclaringType == typeof(Dim<TKey>) ? key : base.VisitMethodCall(node);
    }
}
