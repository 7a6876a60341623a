using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using SunshineBot.Core.Tickets;
using SunshineBot.Web.Staff.Search;
using SunshineBot.Web.Tickets;

namespace SunshineBot.Web.Tests.Staff;

/// <summary>
/// The ticket index on disk holds masked text only. Names and phones are encrypted in the database and opened by the
/// context on load; the index must be built from the opened values, or the mask would not find them in free text.
/// </summary>
public sealed class StaffSearchPrivacyTests
{
    private const string Name = "欧阳明月";
    private const string Phone = "13912345678";

    [Fact]
    public async Task CatchUp_ComplainantNamedInDescriptionAndNote_IndexFilesAndHitsHoldNoPlainContact()
    {
        var indexPath = Path.Combine(Path.GetTempPath(), "sunshine-search-privacy", Guid.NewGuid().ToString("N"));
        try
        {
            using var host = new StaffTestHost(new() { ["Search:IndexPath"] = indexPath });
            // The name is typed without a cue (我叫…), so only the ticket's own contact can mask it.
            var number = await FileAsync(host, $"{Name}反映：学校强制收取校服费三百元，有事请打{Phone}");
            using var admin = await host.ApiAsync("admin");
            using var viewer = await host.ApiAsync("viewer");
            (await admin.PostAsJsonAsync($"/api/staff/tickets/{number}/note", new { text = $"已与{Name}本人通话，号码{Phone}" })).EnsureSuccessStatusCode();

            var byMatter = await viewer.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=校服费");
            var byName = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets?q={Name}");
            var byPhone = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/tickets?q={Phone}");
            var byNote = await viewer.GetFromJsonAsync<JsonElement>("/api/staff/tickets?q=本人通话");

            var hit = Assert.Single(byMatter.GetProperty("items").EnumerateArray());
            Assert.Equal(number, hit.GetProperty("number").GetString());
            var summary = hit.GetProperty("summary").GetString()!;
            Assert.DoesNotContain(Name, summary, StringComparison.Ordinal);
            Assert.DoesNotContain(Phone, summary, StringComparison.Ordinal);
            Assert.StartsWith("欧**", summary, StringComparison.Ordinal);
            Assert.Empty(byName.GetProperty("items").EnumerateArray());
            Assert.Empty(byPhone.GetProperty("items").EnumerateArray());
            Assert.Single(byNote.GetProperty("items").EnumerateArray());

            var terms = Terms(indexPath);
            Assert.Contains("校服", terms);
            Assert.DoesNotContain(terms, t => t.Contains("阳明", StringComparison.Ordinal) || t.Contains("明月", StringComparison.Ordinal));
            Assert.DoesNotContain(terms, t => t.Contains("欧阳", StringComparison.Ordinal) || t.Contains(Phone, StringComparison.Ordinal));
            Assert.DoesNotContain(terms, t => t.Contains("12345678", StringComparison.Ordinal));
            foreach (var file in System.IO.Directory.GetFiles(indexPath))
            {
                var bytes = await File.ReadAllBytesAsync(file);
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Phone)) < 0, file);
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Name)) < 0, file);
            }
        }
        finally
        {
            if (System.IO.Directory.Exists(indexPath))
            {
                System.IO.Directory.Delete(indexPath, recursive: true);
            }
        }
    }

    /// <summary>Every term of every field in the committed index.</summary>
    private static List<string> Terms(string indexPath)
    {
        using var directory = FSDirectory.Open(new DirectoryInfo(indexPath));
        using var reader = DirectoryReader.Open(directory);
        var all = new List<string>();
        var fields = MultiFields.GetFields(reader);
        // The numeric field's terms are binary, not text.
        foreach (var field in fields.Where(f => f != TicketDocuments.Received))
        {
            var terms = fields.GetTerms(field).GetEnumerator();
            while (terms.MoveNext())
            {
                all.Add(terms.Term.Utf8ToString());
            }
        }

        return all;
    }

    private static async Task<string> FileAsync(StaffTestHost host, string description)
    {
        using var scope = host.App.Services.CreateScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<FileTicket>().RunAsync(
            new TicketIntake
            {
                Kind = TicketKind.Complaint,
                Channel = Channel.WebChat,
                Category = TicketCategory.SupplementaryMaterials,
                Description = description,
                VisitorName = Name,
                VisitorPhone = Phone,
                SchoolName = "东城区第一小学",
                FiledBy = "webchat:privacy",
            },
            new Actor("webchat:privacy", "家长"));
        return ticket.Number;
    }
}
