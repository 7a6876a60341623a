using System.Xml;
using System.Xml.Linq;

namespace SunshineBot.WeChat.Messages;

/// <summary>
/// Reads WeChat's flat <c>&lt;xml&gt;&lt;Field&gt;value&lt;/Field&gt;…&lt;/xml&gt;</c> documents safely:
/// DTDs prohibited (so no external entities and no entity expansion), no resolver, and a size cap.
/// </summary>
public static class WeChatXml
{
    /// <summary>
    /// The default cap on a document's characters. Real messages are a few kilobytes (text content is at
    /// most 2,048 bytes; compatible mode roughly triples a body), so 128 K characters is generous.
    /// </summary>
    public const int DefaultMaxCharacters = 128 * 1024;

    /// <summary>Reads the top-level fields of a WeChat document into a dictionary (field name → text).</summary>
    /// <remarks>Nested elements (for example <c>ScanCodeInfo</c>) are kept as their concatenated text.</remarks>
    /// <exception cref="WeChatXmlException">The document is malformed, too large, has a DTD, or its root is not <c>xml</c>.</exception>
    public static IReadOnlyDictionary<string, string> ReadFields(string xml, int maxCharacters = DefaultMaxCharacters)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > maxCharacters)
        {
            throw new WeChatXmlException("The document is larger than allowed.");
        }

        XElement root;
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, Settings(maxCharacters));
            root = XElement.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new WeChatXmlException("The document is not well-formed or carries a DTD.", ex);
        }

        if (root.Name.LocalName != "xml" || root.Name.Namespace != XNamespace.None)
        {
            throw new WeChatXmlException("The root element must be <xml>.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.Elements())
        {
            // First occurrence wins: a duplicated field must not override what was signed and parsed first.
            fields.TryAdd(element.Name.LocalName, element.Value);
        }

        return fields;
    }

    internal static XmlReaderSettings Settings(int maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };
}
