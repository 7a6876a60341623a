namespace SunshineBot.WeChat.Tests;

/// <summary>
/// Published test vectors, copied value for value from WeChat's own documentation and sample code.
/// Each group names its source; none of these values was produced by our code.
/// </summary>
internal static class OfficialVectors
{
    // Source: WeChat docs, 消息推送 (message push), "发起验证" example —
    // https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html
    // (the same text is on the Official Account and open-platform copies of that page).
    public const string PushToken = "AAAAA";
    public const string PushTimestamp = "1714036504";
    public const string PushNonce = "1514711492";
    public const string PushSignature = "f464b24fc39322e44b38aa78f5edd27bd1441696";

    // Source: WeChat docs, 消息加解密说明, 接入指引 "消息解密方式为明文模式" —
    // https://developers.weixin.qq.com/doc/subscription/guide/dev/push/encryption.md
    public const string PlainModeSignature = "899cf89e464efb63f54ddac96b0a0a235f53aa78";
    public const string PlainModeTimestamp = "1714037059";
    public const string PlainModeNonce = "486452656";

    // Source: WeChat docs, third-party platform 消息推送 "接收消息推送" worked example (safe mode, XML) —
    // https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/message_push.html
    public const string DocKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    public const string DocAppId = "wx134c8103faa5a59e";
    public const string DocTimestamp = "1715943329";
    public const string DocNonce = "1590219412";
    public const string DocMsgSignature = "6c12a4205838198b8fa631b3220723bb07f1015c";
    public const string DocEncrypt =
        "D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==";
    public const string DocPlaintext =
        "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>\n"
        + "<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>\n"
        + "<CreateTime>1715943329</CreateTime>\n"
        + "<MsgType><![CDATA[event]]></MsgType>\n"
        + "<Event><![CDATA[debug_demo]]></Event>\n"
        + "<debug_str><![CDATA[hello world]]></debug_str>\n"
        + "</xml>";
    public const int DocPlaintextBytes = 292;
    public const string DocReplyRandom = "999951349e8ee746";
    public const string DocReplyPlaintext = "<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>";
    public const string DocReplyEncrypt =
        "hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7";
    public const string DocReplyTimestamp = "1713424427";
    public const string DocReplyNonce = "415670741";
    public const string DocReplySignature = "03e0812039325c2712ef5f0f980fd14c70d6e307";

    // Source: WeChat's official Official Account sample code (cryptoDemo.zip / SampleCode.zip,
    // https://wximg.gtimg.com/shake_tv/mpwiki/cryptoDemo.zip), Java test WXBizMsgCryptTest.java,
    // testAesEncrypt and testAesEncrypt2 (fixed random string "aaaabbbbccccdddd").
    public const string SampleKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string JavaAppId = "wxb11529c136998cb6";
    public const string JavaRandom = "aaaabbbbccccdddd";
    public const string JavaReply = "我是中文abcd123";
    public const string JavaReplyEncrypt = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
    public const string JavaReply2 =
        "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";
    public const string JavaReply2Encrypt =
        "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";

    // Source: the same official sample code, Python Sample.py ("测试解密接口"): token "spamtest".
    public const string PythonToken = "spamtest";
    public const string PythonAppId = "wx2c2769f8efd9abc2";
    public const string PythonTimestamp = "1409735669";
    public const string PythonNonce = "1320562132";
    public const string PythonMsgSignature = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";
    public const string PythonEncrypt =
        "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
}
