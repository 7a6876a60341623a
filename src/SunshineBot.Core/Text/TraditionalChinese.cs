namespace SunshineBot.Core.Text;

/// <summary>
/// The most common traditional characters and their simplified forms, one to one. Enough for parents who
/// type in traditional script (Hong Kong, Taiwan input methods); not a full conversion table.
/// </summary>
public static class TraditionalChinese
{
    private const string Traditional =
        "並亂來係個們偉側備傢傳債傷傾僅價儀億儘償優儲兇兒冊凍別則劃劇勁動務勞勢勵勸匯區協" +
        "卻參叢員問單嗎嘆嚴國圍園圖團執報場塊壓壞壽夠夢奪奮婦媽嬰孫學寢實寧審寫寬寶將專對" +
        "導屆層屬島峽師帳帶幣幫幹幾庫廠廣廳張強彈彙後徑從復徵徹惡愛態慣慶憂憑憲懇應懷戰戲" +
        "戶拋挾掃掛採揀揚換損搖搶擁擇擊擔據擠擬擴擾攔攜攝敗敵數斂斷於昇時暈暫曆曉書會朧東" +
        "條棄棟業極構槍樂樓標樣機檔檢櫃權歐歡歲歷歸殘殺毆氣決沒況涼減測準溫滅滯滿漢漲潔澤" +
        "濕濟濫災為無煙煩熱燈燒營爭爲爺牆狀獄獎獨獲獻現瑪環產畝畢畫當療癢發盜盡監盤眾確碼" +
        "礎礙祕禍禮稅種稱穀穩窮競筆節範築簡簽籃籌糧糾紀約紅納紐純紙級紛細紹終組結絕絡給統" +
        "絲綁經綜綠維綱網緊緒線緣編練縣縮總績織繫繳繼續罰罷義習聖聞聯聲職聽肅脅腦腫腳膽臉" +
        "臨與興舉舊艙艱莊葉蓋薦藉藝藥蘇處號虧螢蟲術衛衝裏補裝裡製複褲襪襲見規視親覺覽觀觸" +
        "訂計訊討訓託記訟訪設許訴診詐評詞詢試詩話該詳誇誌認誕語誠誤說誰課調談請諒論諮謀謂" +
        "謊講謝證識譯議護讀變讓豐豬貓貝負財貧貨販貪貫責貴買貸費貼貿資賊賓賞賠賢賣質賬賴購" +
        "賽贈贊贏趕趙趨踐蹤躍車軍軟較載輔輕輛輩輪輯輸轉辦辭農這連週進遊運過達違遞遠適遲遷" +
        "選遺還邊郵鄉鄰醜醫釋針鈔鉛銀銷鋪錄錢錯錶鍋鍵鎖鎮鐘鐵長門閃閉開閑閒間閱闆關陣陰陳" +
        "陸陽隊際隨險隱雖雙雜雞離難雲電靈靜韋韓響頁頂項順須預頓領頭頻題額顏願類顧顯風飛飯" +
        "飲飽飾餅養餘館馬駐駕駛騎騙驗驚髒體髮鬆鬥鬧魚鮮鳥麗麥麼黃點黨齊齒齡龍";

    private const string Simplified =
        "并乱来系个们伟侧备家传债伤倾仅价仪亿尽偿优储凶儿册冻别则划剧劲动务劳势励劝汇区协" +
        "却参丛员问单吗叹严国围园图团执报场块压坏寿够梦夺奋妇妈婴孙学寝实宁审写宽宝将专对" +
        "导届层属岛峡师账带币帮干几库厂广厅张强弹汇后径从复征彻恶爱态惯庆忧凭宪恳应怀战戏" +
        "户抛挟扫挂采拣扬换损摇抢拥择击担据挤拟扩扰拦携摄败敌数敛断于升时晕暂历晓书会胧东" +
        "条弃栋业极构枪乐楼标样机档检柜权欧欢岁历归残杀殴气决没况凉减测准温灭滞满汉涨洁泽" +
        "湿济滥灾为无烟烦热灯烧营争为爷墙状狱奖独获献现玛环产亩毕画当疗痒发盗尽监盘众确码" +
        "础碍秘祸礼税种称谷稳穷竞笔节范筑简签篮筹粮纠纪约红纳纽纯纸级纷细绍终组结绝络给统" +
        "丝绑经综绿维纲网紧绪线缘编练县缩总绩织系缴继续罚罢义习圣闻联声职听肃胁脑肿脚胆脸" +
        "临与兴举旧舱艰庄叶盖荐借艺药苏处号亏萤虫术卫冲里补装里制复裤袜袭见规视亲觉览观触" +
        "订计讯讨训托记讼访设许诉诊诈评词询试诗话该详夸志认诞语诚误说谁课调谈请谅论咨谋谓" +
        "谎讲谢证识译议护读变让丰猪猫贝负财贫货贩贪贯责贵买贷费贴贸资贼宾赏赔贤卖质账赖购" +
        "赛赠赞赢赶赵趋践踪跃车军软较载辅轻辆辈轮辑输转办辞农这连周进游运过达违递远适迟迁" +
        "选遗还边邮乡邻丑医释针钞铅银销铺录钱错表锅键锁镇钟铁长门闪闭开闲闲间阅板关阵阴陈" +
        "陆阳队际随险隐虽双杂鸡离难云电灵静韦韩响页顶项顺须预顿领头频题额颜愿类顾显风飞饭" +
        "饮饱饰饼养余馆马驻驾驶骑骗验惊脏体发松斗闹鱼鲜鸟丽麦么黄点党齐齿龄龙";

    private static readonly Dictionary<char, char> Map = BuildMap();

    public static int Count => Map.Count;

    public static char ToSimplified(char c) => Map.TryGetValue(c, out var simplified) ? simplified : c;

    private static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>(Traditional.Length);
        for (var i = 0; i < Traditional.Length; i++)
        {
            map[Traditional[i]] = Simplified[i];
        }

        return map;
    }
}
