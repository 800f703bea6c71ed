//! The events pages' strings (zh-CN, zh-HK, en), kept apart from the big
//! table: [`with_event_texts`] adds these rows to the table's rows, so they
//! become keys of the one [`super::Key`] enum with the same compile-time
//! checks.

/// Calls `texts!` with the rows given and the events' rows after them.
macro_rules! with_event_texts {
    ($($rows:tt)*) => {
        texts! {
            $($rows)*
            // Navigation and the list.
            NavEvents => ["活动", "活動", "Events"],
            NavReviewEvents => ["活动审核", "活動審核", "Event review"],
            EventsTitle => ["活动", "活動", "Events"],
            EventsEmpty => ["还没有活动。", "還沒有活動。", "No events yet."],
            NewEvent => ["新建活动", "新增活動", "New event"],
            NewEventTitle => ["新建活动", "新增活動", "New event"],
            BackToEvent => ["返回活动页面", "返回活動頁面", "Back to the event"],
            BackToEvents => ["返回活动列表", "返回活動列表", "Back to events"],
            EventWhen => ["{from} 至 {until}（中国标准时间）", "{from} 至 {until}（中國標準時間）", "{from} to {until} (China Standard Time)"],
            EventSeats => ["已报名 {taken} / 名额 {capacity}", "已報名 {taken} / 名額 {capacity}", "{taken} of {capacity} seats taken"],
            EventReviewReason => ["退回原因：{reason}", "退回原因：{reason}", "Sent back because: {reason}"],
            EventCancelReason => ["取消原因：{reason}", "取消原因：{reason}", "Cancelled because: {reason}"],
            EventDoorLink => ["签到与报名名单", "簽到與報名名單", "Door and registrants"],
            EventStatusCancelled => ["已取消", "已取消", "Cancelled"],
            EventOwnDistrict => ["区属活动", "區屬活動", "District event"],
            EventOfPartner => ["商户活动：{name}", "商戶活動：{name}", "Partner event: {name}"],
            // Types.
            EventTypeTrainingClass => ["研修班", "研修班", "Training class"],
            EventTypeSalon => ["联谊沙龙", "聯誼沙龍", "Networking salon"],
            EventTypeMatch => ["文体赛事", "文體賽事", "Cultural or sports match"],
            EventTypeForum => ["论坛、峰会", "論壇、峰會", "Forum or summit"],
            EventTypeMatchmaking => ["项目洽谈、投资对接", "項目洽談、投資對接", "Matchmaking day"],
            EventTypeInternshipDay => ["实习见习", "實習見習", "Internship day"],
            EventTypeJobFair => ["人才招聘会", "人才招聘會", "Job fair"],
            // The form.
            EventFieldType => ["活动类型", "活動類型", "Type"],
            EventFieldAgenda => ["议程", "議程", "Agenda"],
            EventVenueLegend => ["地点", "地點", "Venue"],
            EventVenueHint => [
                "填写地址及其地图坐标，或线上活动的加密链接，也可两者都填。",
                "填寫地址及其地圖座標，或網上活動的加密連結，也可兩者都填。",
                "An address with its map point, or the link of an online event (https://), or both."
            ],
            EventFieldAddress => ["地址", "地址", "Address"],
            EventFieldOnlineUrl => ["线上链接", "網上連結", "Online link"],
            EventTimesLegend => ["时间（中国标准时间）", "時間（中國標準時間）", "Times (China Standard Time)"],
            EventFieldStartsAt => ["开始时间", "開始時間", "Starts"],
            EventFieldEndsAt => ["结束时间", "結束時間", "Ends"],
            EventFieldOpensAt => ["报名开始", "報名開始", "Registration opens"],
            EventFieldClosesAt => ["报名截止", "報名截止", "Registration closes"],
            EventSeatsLegend => ["名额与限制", "名額與限制", "Seats and limits"],
            EventFieldCapacity => ["名额", "名額", "Seats"],
            EventFieldWaitlist => ["额满后", "額滿後", "When full"],
            EventWaitlistOn => ["接受候补", "接受候補", "Take a waitlist"],
            EventWaitlistOff => ["不设候补", "不設候補", "No waitlist"],
            EventFieldYearly => ["每人每年同类活动报名上限（可留空）", "每人每年同類活動報名上限（可留空）", "Registrations per person per year for this type (optional)"],
            EventEligibilityHint => [
                "为可报名的人才卡选择最低等级；全部选“不适用”即对所有有效人才卡开放。",
                "為可報名的人才卡選擇最低等級；全部選「不適用」即對所有有效人才卡開放。",
                "Choose the lowest tier of each card that may register; leave all as not open to admit every valid card."
            ],
            EventEligibilityOpen => ["对所有有效人才卡开放", "對所有有效人才卡開放", "Open to every valid card"],
            EventHintTime => ["请选择日期和时间。", "請選擇日期和時間。", "Choose a date and a time."],
            EventHintCapacity => ["请输入 1 至 100000 的整数。", "請輸入 1 至 100000 的整數。", "Enter a whole number from 1 to 100000."],
            // One event: its steps.
            EventPublish => ["发布", "發佈", "Publish"],
            EventCancel => ["取消活动", "取消活動", "Cancel the event"],
            EventDonePublished => ["活动已发布。", "活動已發佈。", "The event is published."],
            EventDoneCancelled => ["活动已取消。", "活動已取消。", "The event is cancelled."],
            EventFieldReason => [
                "原因（取消或退回时必填；报名者或商户可见）",
                "原因（取消或退回時必填；報名者或商戶可見）",
                "Reason (required to cancel or send back; registrants or the partner read it)"
            ],
            EventHintReason => ["取消或退回时必须写明原因。", "取消或退回時必須寫明原因。", "A reason is required to cancel or send back."],
            EventActionsFor => ["“{name}”的操作", "「{name}」的操作", "Actions on “{name}”"],
            EventContentTitle => ["活动内容", "活動內容", "The event"],
            EventWaitlistFact => ["候补", "候補", "Waitlist"],
            EventYearlyFact => ["每人每年上限：{n} 次", "每人每年上限：{n} 次", "At most {n} per person per year"],
            EventRegistrationFact => ["报名时间", "報名時間", "Registration"],
            EventMapPoint => ["地图坐标：{lat}, {lon}", "地圖座標：{lat}, {lon}", "Map point: {lat}, {lon}"],
            // Editing.
            EventEditTitle => ["修改活动", "修改活動", "Edit the event"],
            EventLiveEditNote => [
                "这项活动已发布。保存的修改需要区管理员审核，通过前公众仍看到当前版本。",
                "這項活動已發佈。儲存的修改需要區管理員審核，通過前公眾仍看到現有版本。",
                "This event is published. Saved changes wait for the district admin; until then the public sees the current version."
            ],
            EventEditUnderReview => [
                "这项活动正在审核，审核结束后才能修改。",
                "這項活動正在審核，審核完成後才能修改。",
                "This event is being reviewed; it can be edited once the decision is made."
            ],
            EventEditClosed => ["已取消的活动不能再修改。", "已取消的活動不能再修改。", "A cancelled event cannot be changed."],
            EventEditPartners => [
                "这是商户的活动，由商户修改；修改发布后会送来审核。",
                "這是商戶的活動，由商戶修改；修改發佈後會送來審核。",
                "This is a partner's event: the partner edits it, and an edit of a published event comes to you for review."
            ],
            EventRevisionOfLive => [
                "这是对已发布活动的修改，通过后替换公开版本。",
                "這是對已發佈活動的修改，通過後取代公開版本。",
                "This is an edit of a published event; publishing it replaces the public version."
            ],
            // The review queue.
            ReviewEventsTitle => ["活动审核", "活動審核", "Event review"],
            // The door.
            DoorTitle => ["签到：{title}", "簽到：{title}", "Door: {title}"],
            DoorFiguresTitle => ["统计", "統計", "Figures"],
            DoorRegistered => ["已报名", "已報名", "Registered"],
            DoorWaitlisted => ["候补", "候補", "Waitlisted"],
            DoorCheckedIn => ["已签到", "已簽到", "Checked in"],
            DoorNoShows => ["未到场", "未到場", "No-shows"],
            DoorCheckInTitle => ["签到", "簽到", "Check in"],
            DoorCheckInIntro => [
                "输入或扫描持卡人“我的卡”中的核销码或二维码。每个码只能使用一次。",
                "輸入或掃描持卡人「我的卡」中的核銷碼或二維碼。每個碼只可使用一次。",
                "Type or scan the code or QR code the holder shows in My card. Each code works once."
            ],
            DoorCheckInButton => ["签到", "簽到", "Check in"],
            DoorCheckedInAs => ["{name}（{tier}）已签到。", "{name}（{tier}）已簽到。", "{name} ({tier}) is checked in."],
            DoorDoneCheckedIn => ["已签到。", "已簽到。", "Checked in."],
            DoorAlreadyCheckedIn => ["此持卡人已经签到过了。", "此持卡人已經簽到過了。", "This holder is checked in already."],
            DoorNotRegistered => [
                "此持卡人没有本活动的名额（未报名，或仍在候补）。",
                "此持卡人沒有本活動的名額（未報名，或仍在候補）。",
                "This holder has no seat at this event (not registered, or still waitlisted)."
            ],
            DoorListTitle => ["报名名单", "報名名單", "Registrants"],
            DoorEmpty => ["还没有人报名。", "還沒有人報名。", "Nobody has registered yet."],
            DoorColName => ["姓名", "姓名", "Name"],
            DoorColCard => ["人才卡", "人才卡", "Card"],
            DoorColStatus => ["状态", "狀態", "Status"],
            DoorColPlace => ["候补位次", "候補位次", "Place in line"],
            DoorColCheckedIn => ["签到时间", "簽到時間", "Checked in at"],
            DoorNotCheckedIn => ["未签到", "未簽到", "not yet"],
            DoorCsv => ["下载名单（表格文件）", "下載名單（表格檔案）", "Download the list (CSV)"],
            RegistrationRegistered => ["已报名", "已報名", "Registered"],
            RegistrationWaitlisted => ["候补中", "候補中", "Waitlisted"],
            RegistrationCancelled => ["已取消", "已取消", "Cancelled"],
        }
    };
}
