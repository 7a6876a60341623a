using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SunshineBot.Data.Ledger;

/// <summary>
/// The ledger as an Excel workbook: one sheet 台账, the header row frozen, every cell an inline string. A string cell
/// is never a formula, so a parent's "=HYPERLINK(...)" stays text without the apostrophe the CSV needs. The sheet is
/// streamed (SAX writer), so a large export does not build a DOM. The reader takes the first sheet back as text,
/// shared and inline strings alike, numbers as written (a date typed in Excel arrives as its serial number).
/// </summary>
public static class LedgerXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "台账";

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                    { WorkbookViewId = 0 }));
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, header);
                foreach (var row in rows)
                {
                    WriteRow(writer, row);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Every row of the first sheet as text (the header is the first); missing cells are empty strings.</summary>
    public static List<string[]> Read(Stream content)
    {
        using var document = SpreadsheetDocument.Open(content, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("not a workbook");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id?.Value ?? "");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var rows = new List<string[]>();
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(Text(cell, shared));
            }

            rows.Add([.. cells]);
        }

        return rows;
    }

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<string> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in cells)
        {
            writer.WriteElement(new Cell(new InlineString(new Text(XmlSafe(value)) { Space = SpaceProcessingModeValues.Preserve }))
            {
                DataType = CellValues.InlineString,
            });
        }

        writer.WriteEndElement();
    }

    private static string Text(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : "";
        }

        return raw;
    }

    /// <summary>"C7" → 2, "AA1" → 26.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }

    // XML 1.0 cannot carry most control characters; a parent's text may hold one, and the file must still open.
    private static string XmlSafe(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (!value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        foreach (var c in value.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r'))
        {
            text.Append(c);
        }

        return text.ToString();
    }
}
