//! Every UI string, in zh-CN, zh-HK and English, keyed by [`Key`] (the
//! widget), [`DetailKey`] (a benefit's detail), [`CardKey`] ("My card" only)
//! or [`EventKey`] (the events tab and registration).
//!
//! Tables so that a missing translation is a compile error (each row has
//! exactly three strings) and a reviewer reads all languages side by side.
//! Three of them because one lookup keeps every string it can return: with
//! "My card"'s and the detail's texts in tables of their own, the widget's
//! bundle (which never looks one up) does not carry them (about 1.6 KB gzip
//! and docs/benchmarks.md).
//! Placeholders in braces (`{n}`) are filled by [`crate::wording`]; texts that
//! come from the API (titles, names) never pass through here.

use linan_shared::Lang;

/// The brand in the header: the same in every language.
pub const BRAND: &str = "Linan Talent Home · 荔南人才之家";

macro_rules! texts {
    ($(#[$doc:meta])* $name:ident; $($key:ident => [$zh_cn:literal, $zh_hk:literal, $en:literal],)*) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $(#[doc = $en] $key,)*
        }

        impl $name {
            /// Every key, in table order.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];
        }

        impl Text for $name {
            fn translations(self) -> [&'static str; 3] {
                match self {
                    $($name::$key => [$zh_cn, $zh_hk, $en],)*
                }
            }
        }
    };
}

/// A key of one of the tables: its three translations.
pub trait Text: Copy {
    /// The three translations: zh-CN, zh-HK, en.
    fn translations(self) -> [&'static str; 3];

    /// The string in `lang`.
    fn get(self, lang: Lang) -> &'static str {
        let [zh_cn, zh_hk, en] = self.translations();
        match lang {
            Lang::ZhCn => zh_cn,
            Lang::ZhHk => zh_hk,
            Lang::En => en,
        }
    }
}

texts! {
    /// A UI string of the widget (the catalogue, the tabs, and the errors
    /// every bundle shows); its documentation is its English text.
    Key;
    SearchLabel => ["搜索优惠", "搜尋優惠", "Search benefits"],
    SearchPlaceholder => ["搜索：医院、西樵山…", "搜尋：醫院、西樵山…", "Search: hospital, Xiqiao…"],
    CategoriesLabel => ["类别", "類別", "Categories"],
    AllCategories => ["全部", "全部", "All"],
    DistrictLabel => ["区域", "區域", "District"],
    AllDistricts => ["全部区域", "全部區域", "All districts"],
    NearMe => ["附近优先", "附近優先", "Near me"],
    Locating => ["正在定位…", "正在定位…", "Locating…"],
    NearActive => ["已按距离由近到远排列。", "已按距離由近至遠排列。", "Sorted by distance from you."],
    GeoDenied => [
        "未获得定位权限，请在浏览器中允许后重试。",
        "未獲得定位權限，請在瀏覽器中允許後重試。",
        "Location access was denied. Allow it in your browser and try again."
    ],
    GeoUnavailable => ["暂时无法获取您的位置。", "暫時無法取得您的位置。", "Your location is not available right now."],
    Loading => ["正在加载…", "正在載入…", "Loading…"],
    CountOne => ["共 1 项", "共 1 項", "1 result"],
    CountAll => ["共 {n} 项", "共 {n} 項", "{n} results"],
    CountMore => ["至少 {n} 项", "至少 {n} 項", "At least {n} results"],
    ListLabel => ["优惠列表", "優惠列表", "Benefits"],
    Empty => ["没有找到符合条件的优惠。", "沒有找到符合條件的優惠。", "No benefits match your choice."],
    LoadMore => ["加载更多", "載入更多", "Load more"],
    LoadingMore => ["正在加载更多…", "正在載入更多…", "Loading more…"],
    Retry => ["重试", "重試", "Try again"],
    ErrorNetwork => [
        "无法连接服务器，请检查网络后重试。",
        "無法連接伺服器，請檢查網絡後重試。",
        "Could not reach the server. Check your connection and try again."
    ],
    ErrorNotFound => ["该优惠已下线或不存在。", "該優惠已下線或不存在。", "This benefit is no longer available."],
    ErrorBadRequest => [
        "请求未被接受，请调整筛选条件。",
        "請求未被接受，請調整篩選條件。",
        "The request was not accepted. Please change the filters."
    ],
    ErrorBusy => ["请求过于频繁，请稍后重试。", "請求過於頻繁，請稍後重試。", "Too many requests. Please try again shortly."],
    ErrorServer => [
        "服务暂时不可用，请稍后重试。",
        "服務暫時不可用，請稍後重試。",
        "The service is unavailable right now. Please try again later."
    ],
    CardNote => [
        "仅显示{card}{tier}可享的优惠（含身份互认）。",
        "只顯示{card}{tier}可享的優惠（包括身份互認）。",
        "Showing what a {card}, {tier} gets (mutual recognition included)."
    ],
    DistanceKm => ["距离 {d} 公里", "距離 {d} 公里", "{d} km away"],
    DistanceM => ["距离 {d} 米", "距離 {d} 米", "{d} m away"],
    PercentOff => ["{z}折", "{z}折", "{p}% off"],
    AmountOff => ["立减 {y} 元", "立減 {y} 元", "¥{y} off"],
    FixedPrice => ["特惠价 {y} 元", "特惠價 {y} 元", "Special price ¥{y}"],
    FreeEntry => ["免费入场", "免費入場", "Free entry"],
    PriorityService => ["优先服务", "優先服務", "Priority service"],
    Gift => ["赠送礼品", "贈送禮品", "Free gift"],
    ViewsLabel => ["视图", "視圖", "Views"],
    ViewCatalogue => ["优惠", "優惠", "Benefits"],
    ViewMyCard => ["我的卡", "我的卡", "My card"],
    ViewEvents => ["活动", "活動", "Events"],
}

texts! {
    /// A UI string of a benefit's detail only (its own bundle, also "My
    /// card"'s, never looked up by the widget's, which therefore does not
    /// carry them), with the eligibility's wording; its documentation is its
    /// English text.
    DetailKey;
    Terms => ["使用须知", "使用須知", "Terms"],
    Eligibility => ["适用人群", "適用人士", "Who can use it"],
    EligibleIntro => ["持以下人才卡可享受：", "持以下人才卡可享用：", "Open to holders of:"],
    RecognisedIntro => [
        "通过身份互认，以下人才卡也可享受：",
        "通過身份互認，以下人才卡亦可享用：",
        "Through mutual recognition, these cards qualify too:"
    ],
    Validity => ["有效期", "有效期", "Valid"],
    ValidRange => ["{from} 至 {until}", "{from} 至 {until}", "{from} to {until}"],
    Quota => ["使用次数", "使用次數", "How often"],
    QuotaDay => ["每人每天限 {n} 次", "每人每日限 {n} 次", "{n} per person per day"],
    QuotaMonth => ["每人每月限 {n} 次", "每人每月限 {n} 次", "{n} per person per month"],
    QuotaYear => ["每人每年限 {n} 次", "每人每年限 {n} 次", "{n} per person per year"],
    QuotaLifetime => ["每人限 {n} 次", "每人限 {n} 次", "{n} per person in total"],
    QuotaNone => ["不限次数", "不限次數", "No limit"],
    DailyStock => ["每日名额 {n} 个", "每日名額 {n} 個", "{n} places a day"],
    TierOrAbove => ["{tier}及以上", "{tier}或以上", "{tier} or above"],
    CardTiers => ["{card}：{tiers}", "{card}：{tiers}", "{card}: {tiers}"],
    ListSeparator => ["、", "、", ", "],
    Back => ["返回列表", "返回列表", "Back to list"],
    Address => ["地址", "地址", "Address"],
    OpenMap => ["在高德地图中查看", "在高德地圖中查看", "Open in Amap"],
    NewWindow => ["（在新窗口打开）", "（在新視窗開啟）", " (opens in a new window)"],
}

texts! {
    /// A UI string of "My card" only (the framed page's own bundle; the
    /// widget's bundle does not carry them), with the refusals (which only
    /// the cardholder's endpoints answer); its documentation is its English text.
    CardKey;
    SignInIntro => [
        "输入人才卡卡号、本人身份证号后四位和出生日期，查看本卡可享的优惠。",
        "輸入人才卡卡號、本人身份證號碼後四位和出生日期，查看本卡可享的優惠。",
        "Enter your talent card's number, the last 4 characters of your ID number and your date of birth to see what your card gets."
    ],
    CardNumber => ["卡号", "卡號", "Card number"],
    IdLast4 => ["身份证号后四位", "身份證號碼後四位", "Last 4 of ID number"],
    BirthDate => ["出生日期（如 19900101）", "出生日期（如 19900101）", "Date of birth (e.g. 19900101)"],
    SignIn => ["查看我的优惠", "查看我的優惠", "Show my benefits"],
    SigningIn => ["正在验证…", "正在驗證…", "Checking…"],
    ErrorCredentials => [
        "卡号或验证信息不正确，请检查后重试。",
        "卡號或驗證資料不正確，請檢查後重試。",
        "The card number, ID digits or date of birth are not correct. Please check and try again."
    ],
    ErrorFactorShape => [
        "身份证号后四位为三位数字加一位数字或Ｘ；出生日期如 19900101。",
        "身份證號碼後四位為三位數字加一位數字或Ｘ；出生日期如 19900101。",
        "The ID's last 4 are three digits and a digit or X; the date of birth is like 19900101."
    ],
    ErrorSessionEnded => ["登录已过期，请重新输入卡号。", "登入已過期，請重新輸入卡號。", "Your session has ended. Please sign in again."],
    SignOut => ["退出", "登出", "Sign out"],
    SignedOut => ["已退出，卡号信息已从本页清除。", "已登出，卡號資料已從本頁清除。", "Signed out. Your card is no longer kept in this page."],
    ValidUntil => ["有效期至 {date}", "有效期至 {date}", "Valid until {date}"],
    MyBenefits => ["本卡可享的优惠", "本卡可享的優惠", "What your card gets"],
    CardEmpty => ["本卡今天没有可享的优惠。", "本卡今日沒有可享的優惠。", "Your card reaches no benefits today."],
    ViaDirect => ["本卡直接适用", "本卡直接適用", "Your card qualifies directly"],
    ViaRecognition => ["通过身份互认，视同{card}{tier}", "通過身份互認，視同{card}{tier}", "Through mutual recognition, as a {card}, {tier}"],
    LeftDay => ["今天还可使用 {n} 次", "今日尚可使用 {n} 次", "{n} left today"],
    LeftMonth => ["本月还可使用 {n} 次", "本月尚可使用 {n} 次", "{n} left this month"],
    LeftYear => ["今年还可使用 {n} 次", "今年尚可使用 {n} 次", "{n} left this year"],
    LeftLifetime => ["尚可使用 {n} 次", "尚可使用 {n} 次", "{n} left"],
    StockLeft => ["今日剩余名额 {n} 个", "今日剩餘名額 {n} 個", "{n} places left today"],
    ShowCode => ["出示核销码", "出示核銷碼", "Show counter code"],
    CodeTitle => ["核销码", "核銷碼", "Counter code"],
    CodeHelp => [
        "请向工作人员出示二维码，或报出下方数字码。每个码只能使用一次。",
        "請向職員出示二維碼，或讀出下方數字碼。每個碼只可使用一次。",
        "Show the QR code at the counter, or read out the number below. Each code works once."
    ],
    QrLabel => ["核销二维码", "核銷二維碼", "Counter QR code"],
    NumericCode => ["数字码", "數字碼", "Number"],
    CodeLeft => ["{t} 后失效", "{t} 後失效", "Expires in {t}"],
    CodeExpired => ["核销码已失效。", "核銷碼已失效。", "This code has expired."],
    NewCode => ["获取新码", "取得新碼", "New code"],
    History => ["使用记录", "使用記錄", "My redemptions"],
    HistoryEmpty => ["还没有使用记录。", "尚未有使用記錄。", "No redemptions yet."],
    UsedCard => ["使用卡号 {card}", "使用卡號 {card}", "Card {card}"],
    Voided => ["已撤销：{reason}", "已撤銷：{reason}", "Voided: {reason}"],
    RefusedTierTooLow => ["本卡等级不适用", "本卡級別不適用", "Your card's tier does not qualify"],
    RefusedCardSuspended => ["本卡已暂停使用", "本卡已暫停使用", "This card is suspended"],
    RefusedCardExpired => ["本卡已过期", "本卡已過期", "This card has expired"],
    RefusedPersonSuspended => ["持卡人已被暂停享受优惠", "持卡人已被暫停享用優惠", "The holder is suspended"],
    RefusedNotValidToday => ["该优惠今天不可用", "該優惠今日不可用", "Not available today"],
    RefusedQuotaUsed => ["本期次数已用完", "本期次數已用完", "Your quota is used up for now"],
    RefusedStockGone => ["今日名额已满", "今日名額已滿", "Today's places are gone"],
}

texts! {
    /// A UI string of the events (the events tab, in the detail's bundle,
    /// and registration in "My card"; never looked up by the widget's
    /// bundle); its documentation is its English text.
    EventKey;
    TypesLabel => ["活动类型", "活動類型", "Event types"],
    AllTypes => ["全部", "全部", "All"],
    TrainingClass => ["研修班", "研修班", "Training class"],
    Salon => ["联谊沙龙", "聯誼沙龍", "Salon"],
    Match => ["文体赛事", "文體賽事", "Match"],
    Forum => ["论坛峰会", "論壇峰會", "Forum"],
    Matchmaking => ["项目洽谈", "項目洽談", "Matchmaking"],
    InternshipDay => ["实习见习", "實習見習", "Internship day"],
    JobFair => ["人才招聘会", "人才招聘會", "Job fair"],
    SearchEvents => ["搜索活动", "搜尋活動", "Search events"],
    SearchEventsPlaceholder => ["搜索：沙龙、西樵…", "搜尋：沙龍、西樵…", "Search: salon, Xiqiao…"],
    ListLabel => ["活动列表", "活動列表", "Events"],
    Empty => ["没有找到符合条件的活动。", "沒有找到符合條件的活動。", "No events match your choice."],
    CountOne => ["共 1 场活动", "共 1 場活動", "1 event"],
    CountAll => ["共 {n} 场活动", "共 {n} 場活動", "{n} events"],
    CountMore => ["至少 {n} 场活动", "至少 {n} 場活動", "At least {n} events"],
    SeatsLeft => ["剩余 {n} 个名额", "尚餘 {n} 個名額", "{n} seats left"],
    SeatsNone => ["名额已满", "名額已滿", "No seats left"],
    Open => ["报名中", "報名中", "Registration open"],
    Closed => ["报名已截止", "報名已截止", "Registration closed"],
    Full => ["已满，可候补", "已滿，可候補", "Full: waitlist open"],
    FullNoWaitlist => ["已满", "已滿", "Full"],
    Cancelled => ["已取消", "已取消", "Cancelled"],
    Online => ["线上活动", "網上活動", "Online"],
    When => ["时间", "時間", "When"],
    Venue => ["地点", "地點", "Where"],
    Description => ["活动介绍", "活動介紹", "About"],
    Agenda => ["议程", "議程", "Agenda"],
    Organiser => ["主办：{name}", "主辦：{name}", "Organised by {name}"],
    OnlineLink => ["进入线上活动", "進入網上活動", "Join online"],
    AddToCalendar => ["加入日历", "加入日曆", "Add to calendar"],
    WhoCanJoin => ["报名资格", "報名資格", "Who can register"],
    EveryCard => ["所有有效人才卡持卡人均可报名。", "所有有效人才卡持卡人均可報名。", "Every holder of a valid talent card."],
    RegistrationWindow => ["报名时间：{from} 至 {until}", "報名時間：{from} 至 {until}", "Registration: {from} to {until}"],
    PerPersonYearly => ["同类活动每人每年限报 {n} 场", "同類活動每人每年限報 {n} 場", "At most {n} of this type per person a year"],
    CancelReason => ["取消原因：{reason}", "取消原因：{reason}", "Cancelled: {reason}"],
    Register => ["报名", "報名", "Register"],
    RegisterHelp => [
        "在“我的卡”中用人才卡登录后报名。",
        "在「我的卡」中以人才卡登入後報名。",
        "You register in “My card”, signed in with your talent card."
    ],
    RequestedEvent => ["报名活动", "報名活動", "Register for an event"],
    Registering => ["正在报名…", "正在報名…", "Registering…"],
    Registered => ["报名成功，已为您保留名额。", "報名成功，已為您保留名額。", "You are registered: your seat is kept."],
    Waitlisted => ["活动已满，您在候补名单第 {n} 位。", "活動已滿，您在候補名單第 {n} 位。", "The event is full: you are number {n} on the waitlist."],
    EventFull => ["活动名额已满，且不设候补。", "活動名額已滿，且不設候補。", "The event is full and has no waitlist."],
    RegistrationClosed => ["该活动现在不接受报名。", "該活動現在不接受報名。", "Registration for this event is not open."],
    AlreadyRegistered => ["您已报名该活动（可能使用了另一张卡）。", "您已報名該活動（可能使用了另一張卡）。", "You are already registered for this event (perhaps with another card)."],
    EventLimitReached => ["您今年报名此类活动的次数已达上限。", "您今年報名此類活動的次數已達上限。", "You have reached this year's limit for events of this type."],
    TierTooLow => ["本卡等级不符合该活动的报名资格。", "本卡級別不符合該活動的報名資格。", "Your card's tier cannot register for this event."],
    CardSuspended => ["本卡已暂停使用，无法报名。", "本卡已暫停使用，無法報名。", "This card is suspended and cannot register."],
    CardExpired => ["本卡已过期，无法报名。", "本卡已過期，無法報名。", "This card has expired and cannot register."],
    PersonSuspended => ["持卡人已被暂停，无法报名。", "持卡人已被暫停，無法報名。", "The holder is suspended and cannot register."],
    MyEvents => ["我的活动", "我的活動", "My events"],
    MyEventsEmpty => ["还没有报名任何活动。", "尚未報名任何活動。", "No registrations yet."],
    StatusRegistered => ["已报名", "已報名", "Registered"],
    StatusWaitlisted => ["候补第 {n} 位", "候補第 {n} 位", "Waitlist: number {n}"],
    StatusCancelled => ["已取消报名", "已取消報名", "Registration cancelled"],
    EventCancelledBy => ["主办方已取消活动：{reason}", "主辦方已取消活動：{reason}", "Cancelled by the organiser: {reason}"],
    CheckedIn => ["已签到 {time}", "已簽到 {time}", "Checked in {time}"],
    CancelRegistration => ["取消报名", "取消報名", "Cancel registration"],
    ConfirmCancel => ["确定取消报名吗？", "確定取消報名嗎？", "Cancel this registration?"],
    ConfirmYes => ["确定取消", "確定取消", "Yes, cancel"],
    ConfirmNo => ["保留报名", "保留報名", "Keep it"],
    CancelDone => ["已取消报名。", "已取消報名。", "Your registration is cancelled."],
    ShowMyCode => ["入场时出示我的码", "入場時出示我的碼", "Show my code at the door"],
}

/// Shorthand for [`Text::get`].
pub fn t(lang: Lang, key: impl Text) -> &'static str {
    key.get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row of both tables: its key's name and its three strings.
    fn rows() -> Vec<(String, [&'static str; 3])> {
        let key = Key::ALL.iter().map(|k| (format!("{k:?}"), k.translations()));
        let detail = DetailKey::ALL.iter().map(|k| (format!("{k:?}"), k.translations()));
        let event = EventKey::ALL.iter().map(|k| (format!("Event{k:?}"), k.translations()));
        key.chain(detail)
            .chain(CardKey::ALL.iter().map(|k| (format!("{k:?}"), k.translations())))
            .chain(event)
            .collect()
    }

    /// The text without `{placeholders}`.
    fn without_placeholders(s: &str) -> String {
        let mut out = String::new();
        let mut depth = 0;
        for c in s.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn every_key_has_three_non_empty_strings() {
        for (key, texts) in rows() {
            for (lang, text) in Lang::ALL.into_iter().zip(texts) {
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang}");
            }
        }
    }

    #[test]
    fn chinese_strings_contain_no_latin_letters() {
        for (key, [zh_cn, zh_hk, _]) in rows() {
            for (lang, text) in [(Lang::ZhCn, zh_cn), (Lang::ZhHk, zh_hk)] {
                let text = without_placeholders(text);
                assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{key} in {lang}: {text}");
            }
        }
    }

    #[test]
    fn placeholders_are_the_same_in_every_language() {
        fn names(s: &str) -> Vec<&str> {
            let mut v: Vec<&str> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n)).collect();
            v.sort_unstable();
            v
        }
        for (key, [zh_cn, zh_hk, en]) in rows() {
            assert_eq!(names(zh_cn), names(zh_hk), "{key}");
            // Discounts are written differently: 8折 (zh) against 20% off (en).
            if key != "PercentOff" {
                assert_eq!(names(zh_cn), names(en), "{key}");
            }
        }
    }

    #[test]
    fn the_table_lists_every_key_once() {
        let mut seen = std::collections::HashSet::new();
        assert!(Key::ALL.iter().all(|k| seen.insert(*k)));
        let mut seen = std::collections::HashSet::new();
        assert!(CardKey::ALL.iter().all(|k| seen.insert(*k)));
        let mut seen = std::collections::HashSet::new();
        assert!(DetailKey::ALL.iter().all(|k| seen.insert(*k)));
        let mut seen = std::collections::HashSet::new();
        assert!(EventKey::ALL.iter().all(|k| seen.insert(*k)));
        // A name in two tables would be two texts for one thing.
        let mut names = std::collections::HashSet::new();
        assert!(rows().into_iter().all(|(name, _)| names.insert(name)));
        assert_eq!(t(Lang::En, Key::Retry), "Try again");
        assert_eq!(t(Lang::En, CardKey::SignOut), "Sign out");
    }
}
