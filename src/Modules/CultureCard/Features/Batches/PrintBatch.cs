using System.Text;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Vakka.CultureCard.Domain;
using Vakka.Platform;
using Vakka.Platform.Data;
using Vakka.Platform.Ids;

namespace Vakka.CultureCard.Features.Batches;

/// <summary>One card of the print sheet: the ID for people, a QR code holding the ID only, and its Code 39 barcode.</summary>
public sealed record PrintCard(string Code, string Display, string QrImage, string BarcodeImage);

public sealed record PrintSheet(BatchId Id, string AreaName, BatchKind Kind, int Size, DateTime CreatedAt, int Page, int PageCount,
    IReadOnlyList<PrintCard> Cards)
{
    public int FirstNumber => (Page - 1) * PrintBatch.PageSize + 1;
}

/// <summary>
/// The printable sheet of a batch, a page of <see cref="PageSize"/> cards at a time (ten cards fill an A4 sheet).
/// The images are data URIs (SVG), which the content-security policy allows for images.
/// </summary>
public sealed class PrintBatch(VakkaDb db, ISiteDirectory sites)
{
    public const int PageSize = 100;
    public const int CardsPerSheet = 10;

    public async Task<PrintSheet?> HandleAsync(BatchId id, int page, CancellationToken ct)
    {
        var batch = await db.Set<CardBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return null;
        var total = await db.Set<CardCodeRecord>().CountAsync(c => c.BatchId == id, ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var codes = await db.Set<CardCodeRecord>().AsNoTracking().Where(c => c.BatchId == id)
            .OrderBy(c => c.Code).Skip((page - 1) * PageSize).Take(PageSize).Select(c => c.Code).ToListAsync(ct);
        var area = await sites.AreaAsync(batch.AreaId, ct);

        using var qr = new QRCodeGenerator();
        var cards = codes.Select(code => new PrintCard(code, CardCode.Display(code), SvgDataUri(QrSvg(qr, code)),
            SvgDataUri(Code39.Svg(code)))).ToList();
        return new PrintSheet(batch.Id, area?.Name ?? "–", batch.Kind, total, batch.CreatedAt, page, pageCount, cards);
    }

    /// <summary>The QR code of the ID alone (no URL, no spaces), error correction M, with its quiet zone.</summary>
    public static string QrSvg(QRCodeGenerator generator, string code)
    {
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6);
    }

    private static string SvgDataUri(string svg) => "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
}
