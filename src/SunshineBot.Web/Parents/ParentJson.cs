using System.Text.Encodings.Web;
using System.Text.Json;

namespace SunshineBot.Web.Parents;

/// <summary>
/// The one set of JSON options for what the pipeline stores: conversation state, stored replies, quick replies on log
/// lines and outbox payloads. Chinese is written as is (readable rows; WeChat refuses \uXXXX escapes on some APIs).
/// </summary>
public static class ParentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
