using System.Text;
using System.Xml;

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

    // WeChat's deepest fields (SendPicsInfo/PicList/item/PicMd5Sum) sit three levels below a field.
    private const int MaxFieldNesting = 4;

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

        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, Settings(maxCharacters));
            return Read(reader);
        }
        catch (XmlException ex)
        {
            throw new WeChatXmlException("The document is not well-formed or carries a DTD.", ex);
        }
    }

    private static Dictionary<string, string> Read(XmlReader reader)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "xml" || reader.NamespaceURI.Length != 0)
        {
            throw new WeChatXmlException("The root element must be <xml>.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0))
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var name = reader.LocalName;
                    // First occurrence wins: a duplicated field must not override the one read first.
                    fields.TryAdd(name, ReadValue(reader));
                }
                else if (!reader.Read())
                {
                    throw new XmlException("Unexpected end of document.");
                }
            }
        }

        // Read to the end so that trailing garbage or a second root is still a well-formedness error.
        while (reader.Read())
        {
        }

        return fields;
    }

    /// <summary>Reads one field's text (nested elements contribute their text), leaving the reader after it.</summary>
    private static string ReadValue(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var depth = reader.Depth;
        var value = new StringBuilder();
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.Depth > depth + MaxFieldNesting)
            {
                throw new WeChatXmlException("The document nests deeper than WeChat messages do.");
            }

            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                value.Append(reader.Value);
            }

            if (!reader.Read())
            {
                throw new XmlException("Unexpected end of document.");
            }
        }

        reader.Read();
        return value.ToString();
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
