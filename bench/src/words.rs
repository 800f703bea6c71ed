//! Word lists the synthetic benefits are built from, in zh-CN, zh-HK and
//! English.
//!
//! Venue words are chosen per category with equal odds, so a search term
//! that is one venue word (公园, 博物馆 / museum) hits a few percent of the
//! synthetic rows — plus the rows of demo partners whose name or address
//! holds it, which the seed reports.

/// One word or phrase in the three catalogue languages.
pub(crate) type Word = (&'static str, &'static str, &'static str);

/// Neighbourhoods of Liwan and Nanhai.
pub(crate) const PLACES: &[Word] = &[
    ("荔湾", "荔灣", "Liwan"),
    ("西关", "西關", "Xiguan"),
    ("沙面", "沙面", "Shamian"),
    ("芳村", "芳村", "Fangcun"),
    ("上下九", "上下九", "Shangxiajiu"),
    ("恩宁路", "恩寧路", "Enning Road"),
    ("多宝", "多寶", "Duobao"),
    ("桂城", "桂城", "Guicheng"),
    ("西樵", "西樵", "Xiqiao"),
    ("九江", "九江", "Jiujiang"),
    ("大沥", "大瀝", "Dali"),
    ("里水", "里水", "Lishui"),
    ("千灯湖", "千燈湖", "Qiandeng Lake"),
    ("狮山", "獅山", "Shishan"),
    ("丹灶", "丹灶", "Danzao"),
    ("平洲", "平洲", "Pingzhou"),
];

/// Venues of `medical_green_channel` benefits.
pub(crate) const MEDICAL_VENUES: &[Word] = &[
    ("医院", "醫院", "Hospital"),
    ("社区诊所", "社區診所", "Community Clinic"),
    ("中医馆", "中醫館", "TCM Clinic"),
    ("体检中心", "體檢中心", "Health Check Centre"),
    ("口腔门诊", "口腔門診", "Dental Clinic"),
    ("康复中心", "康復中心", "Rehabilitation Centre"),
    ("妇幼保健院", "婦幼保健院", "Maternal and Child Health Centre"),
    ("眼科中心", "眼科中心", "Eye Centre"),
];

/// Venues of `scenic_discount` benefits.
pub(crate) const SCENIC_VENUES: &[Word] = &[
    ("公园", "公園", "Park"),
    ("博物馆", "博物館", "Museum"),
    ("古村", "古村", "Ancient Village"),
    ("风景区", "風景區", "Scenic Area"),
    ("美术馆", "美術館", "Art Gallery"),
    ("湿地", "濕地", "Wetland"),
    ("祠堂", "祠堂", "Ancestral Hall"),
    ("纪念馆", "紀念館", "Memorial Hall"),
    ("艺术街区", "藝術街區", "Art Quarter"),
    ("植物园", "植物園", "Botanical Garden"),
];

/// Venues of `merchant_offer` benefits.
pub(crate) const MERCHANT_VENUES: &[Word] = &[
    ("茶楼", "茶樓", "Teahouse"),
    ("酒家", "酒家", "Restaurant"),
    ("书店", "書店", "Bookshop"),
    ("咖啡馆", "咖啡館", "Café"),
    ("酒店", "酒店", "Hotel"),
    ("健身房", "健身房", "Gym"),
    ("影院", "影院", "Cinema"),
    ("花市", "花市", "Flower Market"),
    ("甜品店", "甜品店", "Dessert Shop"),
    ("购物中心", "購物中心", "Shopping Centre"),
    ("茶叶店", "茶葉店", "Tea Shop"),
    ("玉器行", "玉器行", "Jade Shop"),
];

/// What a priority service gives.
pub(crate) const PRIORITY_OFFERS: &[Word] = &[
    ("优先挂号", "優先掛號", "priority registration"),
    ("绿色通道就诊", "綠色通道就診", "green-channel consultations"),
    ("专人陪诊", "專人陪診", "an escort through your visit"),
    ("体检优先预约", "體檢優先預約", "priority health-check booking"),
];

/// Gifts a merchant hands out.
pub(crate) const GIFTS: &[Word] = &[
    ("茶点一份", "茶點一份", "a plate of dim sum"),
    ("饮品一杯", "飲品一杯", "a drink"),
    ("纪念品一件", "紀念品一件", "a souvenir"),
    ("双皮奶一碗", "雙皮奶一碗", "a bowl of double-skin milk"),
];

/// Conditions sprinkled into summaries, descriptions and terms.
pub(crate) const CONDITIONS: &[Word] = &[
    ("周末及节假日通用", "週末及節假日通用", "valid on weekends and public holidays"),
    ("仅限工作日使用", "僅限工作日使用", "weekdays only"),
    ("可携一名家属同行", "可攜一名家屬同行", "one family member may come along"),
    ("需提前一天预约", "需提前一天預約", "book one day ahead"),
    ("赠送停车券一张", "贈送停車券一張", "a parking voucher is included"),
    ("现场出示人才码即可", "現場出示人才碼即可", "just show your talent code on site"),
    ("不与其他优惠同享", "不與其他優惠同享", "cannot be combined with other offers"),
];
