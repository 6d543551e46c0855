# 程式本身使用的文字（i18n::UI_KEYS）：指令、錯誤提示、格式。決策樹的文字在 flow.ftl。
# 香港書面語：短訊、手機銀行、網上銀行、賬戶、月結單、商戶、收據、熱線、電郵、個案。

ui-lang-name = 繁體中文（香港）
# Each language by name, in this language (a letter copy "in Chinese (Simplified)").
language-en-US = 英文
language-zh-CN = 簡體中文
language-zh-HK = 繁體中文（香港）
language-zh-TW = 繁體中文（台灣）

ui-help-intro =
    在商戶刷卡付款時出了問題，我會一步一步協助你處理。請按按鈕回答（亦可輸入選項編號或按鈕上的文字），或直接輸入答案。
    指令：
ui-help-outro = 我絕不會要求你提供完整卡號、CVV 保安編碼、私人密碼（PIN）、登入密碼或短訊驗證碼。

ui-too-long = 這則訊息太長了（超過 { $max } 個字元），請分開幾則較短的訊息傳送。
ui-card-kept-last4 = 這看來是完整卡號。我只保留了卡號最後4位數字（{ $last4 }），其餘數字沒有儲存。請不要在對話中傳送完整卡號。
ui-card-removed = 這則訊息似乎載有完整卡號（最後4位數字 { $last4 }），所以我沒有儲存。我從不需要你的完整卡號，只會在有需要時問你卡號最後4位數字。請刪去卡號後再回答一次。
ui-card-split-kept-last4 = 這幾則訊息合起來，看來是分開傳送的完整卡號。我只保留了卡號最後4位數字（{ $last4 }），其餘已經刪除。無論是整個還是分開傳送，都請不要在對話中傳送完整卡號。
ui-card-split-removed = 這幾則訊息合起來，看來是分開傳送的完整卡號，所以我已把它們刪除，一個數字也沒有儲存。我從不需要你的完整卡號，只會在有需要時問你卡號最後4位數字。
ui-secret-refused = 請不要把 CVV 保安編碼、私人密碼、登入密碼或短訊驗證碼告訴任何人——包括我、銀行、商戶，以及致電給你的人。那則訊息我沒有儲存。如果有人向你索取這些資料，請細閱以下內容：
ui-choose-button = 請選擇一個選項：按下按鈕，或輸入選項編號。
ui-bad-amount = 我看不明白這個金額。請只輸入數字，例如 { $example }。
ui-bad-amount-positive = 金額必須大於零，請重新輸入，例如 { $example }。
ui-bad-amount-large = 以刷卡消費來說，這個金額似乎太大。請核對後重新輸入，例如 { $example }。
ui-bad-amount-decimals = 最多只可有兩個小數位，例如 { $example }。
ui-bad-date = 我看不明白這個日期。請這樣輸入：2026-11-25 14:30，或「今日 14:30」，或「昨日」。
ui-bad-date-future = 這個日期還未到。你是何時付款的？例如：昨日 18:05。
ui-bad-date-old = 這個日期太久以前，我未能協助。請核對，例如 2026-11-25。
ui-bad-yesno = 請回答「是」或「否」（或按下按鈕）。
ui-bad-last4 = 請只輸入卡號最後4位數字，例如 1234。切勿輸入完整卡號。
ui-bad-text-empty = 請簡單輸入幾個字。
ui-bad-text-long = 請不要超過500字。
ui-bad-text-number = 這只是一串數字。請輸入名稱（須有文字），例如收據或銀行短訊上顯示的名稱。
ui-stale-button = 這個按鈕屬於較早前的問題。我們現在進行到這一步：
ui-stuck-handoff = 看來我們在原地兜圈。我已請客服職員查看你的個案，他們會在這裏回覆你。在此期間，你可以繼續。
ui-nothing-back = 這是第一條問題，沒有上一步可以返回。
ui-unknown-command = 我不認識這個指令。請傳送 /help 查看我可以做甚麼。
ui-case-closed = 個案 { $case_id } 已完結（{ $outcome }）。傳送 /status 可查看個案，傳送 /start 可開立新個案。
ui-flow-changed = 自上次對話後，我的指引已經更新，所以我們由頭開始。你之前的回答仍然保留。
ui-status = 個案 { $case_id } — 狀態：{ $status }。目前步驟：{ $step }。
ui-status-facts =
    金額：{ $amount }
    付款時間：{ $txn_time }
    卡號最後4位數字：{ $card_last4 }
    商戶：{ $merchant_name }
ui-status-steps =
    已完成的步驟：
    { $steps }
ui-status-no-steps = 暫時未有記錄任何步驟。
ui-welcome-back = 歡迎回來。我們由上次停下的地方繼續處理個案 { $case_id }。
ui-new-case = 新個案 { $case_id }。請記下這個編號，客服職員可能會向你查詢。
ui-lang-changed = 語言已轉為繁體中文（香港）。
ui-lang-unknown = 沒有「{ $tag }」這種語言。可選擇：{ $available }。例如：/lang zh-HK
ui-forget-confirm = 這會永久刪除你全部 { $count } 個個案及所有回答。如確認，請傳送：/forget yes
ui-forgotten = 已刪除：{ $count } 個個案及其全部內容。如需協助，隨時傳送 /start。
ui-saved-bye = 個案 { $case_id } 已儲存。下次再開啟我，便會由停下的地方繼續。
ui-save-failed = 抱歉，剛才未能儲存，所以沒有任何改動。請稍後再傳送一次。
ui-no-case = 你還未有個案。請傳送 /start 開始。

btn-yes = 是
btn-no = 否

status-open = 處理中
status-waiting = 等候銀行或商戶處理
status-escalated = 已進一步投訴
status-handed_off = 已轉交客服職員
status-resolved = 已解決
status-closed = 已完結

outcome-open = 尚未完結
value-missing = 未提供

money = { $currency ->
    [CNY] 人民幣{ $number }元
    [USD] US${ $number }
    [EUR] €{ $number }
    [GBP] £{ $number }
    [HKD] HK${ $number }
    [TWD] NT${ $number }
    [SGD] S${ $number }
    [MOP] MOP${ $number }
    [XXX] { $number }
    [JPY] JP¥{ $number }
   *[other] { $number } { $currency }
}
date = { $year }年{ $month }月{ $day }日
time = { $hour }:{ $minute }
datetime = { $date } { $time }

ui-file-received = 收到：你的個案現已保存 { $count } 個檔案作為證據。請妥善保管正本。
ui-file-not-here = 謝謝——我只可以在「證據」這一步保存相片和檔案。請先回答問題，到時我會請你傳送。
ui-unsupported-message = 我只能讀取文字、按鈕，以及「證據」這一步的相片或檔案。請輸入你的回答。
ui-flood = 你傳送訊息太快，我未能跟上。請等幾秒，再把回答傳送一次。
ui-lang-choose = 請選擇語言：
ui-you-chose = ✓ { $choice }
ui-duplicate-ignored = 這則訊息我已經回覆過了。
step-evidence_received = 已傳送證據（相片或檔案）

cmd-start = 開立新個案
cmd-status = 查看個案進度
cmd-back = 返回上一條問題
cmd-lang = 轉換語言
cmd-human = 要求真人客服處理
cmd-scam = 有人催促我轉賬或索取驗證碼
cmd-help = 我可以做甚麼
cmd-forget = 刪除關於我的所有記錄
cmd-cases = 查看及切換我的個案
cmd-remind = 停止跟進提示（/remind off）
cmd-opencase = 商戶：為顧客開立個案
cmd-mycases = 商戶：查看我的顧客的個案
ui-remind-usage = 傳送 /remind off 可停止這個個案的跟進提示。
ui-cases =
    你的個案：{ $count } 個
    { $list }
ui-cases-hint = 按一下個案，或傳送 /cases 加個案編號，即可切換回該個案。
ui-cases-none = 你還未有個案。請傳送 /start 開立新個案。
ui-cases-current = （目前）
ui-cases-switched = 已切換到個案 { $case_id }。目前進度如下：
ui-cases-unknown = { $case_id } 不是你的個案。

ui-staff-taken = 客服職員已接手你的個案，會在這裏回覆你。你可以直接留言給他們。
ui-staff-reply = 💬 客服回覆：{ $text }
ui-staff-closed = 你的個案 { $case_id } 已結束：{ $outcome }。謝謝。如需協助，請傳送 /start。
ui-relayed = 已轉交客服職員。
outcome-staff_resolved = 客服已處理解決
outcome-staff_refunded = 已退款
outcome-staff_rejected = 申請不獲接納
outcome-staff_police = 已交由警方處理
outcome-staff_other = 客服已結束個案

ui-merchant-usage =
    商戶：傳送 /merchant 加店名即可登記，分號後寫上終端機編號。
    例如：/merchant 街角小店; 12345678, 87654321
    之後：/opencase 可為被錯誤扣款的顧客開立個案（顧客經連結加入），/mycases 可查看你的顧客的個案進度。
ui-merchant-registered =
    { $shop } 已登記（終端機編號：{ $terminals }）。
    給顧客的連結：{ $link }
    請打印下面的 QR 碼，放在收銀處：經此開始的顧客，個案中會記錄你的商戶。
ui-merchant-case-opened =
    個案 { $case_id } 已開立。請把這個連結（或下面的 QR 碼）交給你的顧客，開啟後即可加入該個案：
    { $link }
ui-merchant-cases =
    { $shop } 的顧客個案：{ $count } 個
    { $list }
ui-referred-by = 你是經一間商戶的連結進來的，這間商戶在我們這裏登記的店名是「{ $shop }」。我會在你的個案中記錄這間商戶。
ui-joined-case = 你已加入個案 { $case_id }，這個個案由在我們這裏登記名稱為「{ $shop }」的商戶為你開立。我們一起一步一步處理。
cmd-merchant = 商戶：登記並取得連結
ui-reminder = ⏰ 按約定回來跟進你的個案。（傳送 /remind off 可停止提示。）
ui-remind-off = 好的，這個個案不會再有跟進提示。
ui-snoozed = 好的，我會在 { $date } 再問你。在此之前，你隨時可以回答。
ui-resent = 收到你上一則訊息後我重新啟動了，可能未有回覆你。我們現在進行到這一步：
btn-snooze = 過幾日再問我
ui-letter-caption = 書面申請，個案 { $case_id }（{ $language }）
ui-letter-bank-copy = 你的銀行使用{ $language }，所以我另外準備了一份{ $language }版本，方便你遞交。
ui-file-saved = 📄 已儲存為 { $path }
letter-blank = ____________
ui-evidence-full = 你的個案已保存了 { $max } 個檔案，這是我可以保存的上限。如客服需要其他資料，會再向你索取。
ui-handoff-again-later = 這個個案已經完結，而且最近已轉告客服。上次轉告滿 { $hours } 小時後，我才可以再次轉交；如有新情況，請傳送 /start 開立新個案。

# 商戶：客服審核店名，以及店名須遵守的規則。
ui-referred-unvetted = 你是經一間商戶的連結進來的。我會在你的個案中記錄下來。
ui-joined-case-unvetted = 你已加入一間商戶為你開立的個案 { $case_id }。我們一起一步一步處理。
ui-merchant-review-pending = 每個店名都要先經我們的客服審核，顧客才會看到。在此之前，你的連結可以照常使用，但不會向顧客顯示你的店名。審核完成後，我會在這裏通知你。
ui-merchant-review-approved = 你的店名已通過審核：經你的連結進來的顧客會看到店名。
ui-merchant-review-rejected = 這個店名未獲客服批准：{ $reason }。你的連結仍然可以使用，但不會顯示店名；如要登記其他店名，請傳送 /merchant 加新店名。
ui-merchant-approved = 你的店名「{ $shop }」已通過審核：經你的連結進來的顧客現在會看到店名。
ui-merchant-rejected = 店名「{ $shop }」未獲客服批准：{ $reason }。你的連結仍然可以使用，但不會顯示店名。如要登記其他店名，請傳送 /merchant 加新店名。
ui-merchant-name-lines = 店名只可以寫成一行。請重新傳送 /merchant，並把店名寫在同一行。
ui-merchant-name-length = 店名長度須為 { $min } 至 { $max } 個字元。
ui-merchant-name-email = 店名不可以包含電郵地址。請只傳送你的店名。
ui-merchant-name-link = 店名不可以包含網址或連結。請只傳送你的店名。
ui-merchant-name-handle = 店名不可以包含 @ 用戶名稱。請只傳送你的店名。
ui-merchant-name-number = 店名不可以包含電話號碼或其他長串數字（最多 { $digits } 位數字）。請只傳送你的店名。
ui-merchant-name-chars = 店名只可以包含文字、數字、空格及以下符號：{ $allowed }
ui-merchant-name-no-letters = 店名須包含文字或數字。
ui-merchant-name-scripts = 店名不可以混用拉丁字母與西里爾字母或希臘字母：這些字母外形相似，常被用來冒充其他名稱。
ui-merchant-name-word = 店名不可以包含「{ $word }」。為防止有人冒充，凡聽起來像本服務、銀行或客服的字詞都不可使用。請使用你商戶本身的名稱。
# 店名中不允許出現的詞，以逗號分隔。每種語言的詞表都適用於所有店名。
merchant-name-blocklist = 客服, 客戶服務, 人工客服, 網上客服, 官方, 銀行, 退款, 退費, 退錢, 理賠, 賠償, 補償, 銀聯, 八達通, 轉數快, 支付寶, 微信支付, 警察, 警方, 警務處, 商業罪案調查科, 反詐騙, 防騙, 安全賬戶, 監管賬戶, 職員, 管理員, 認證中心, 驗證, 凍結, 解凍, 售後中心, 服務熱線, 客戶熱線, 官網, 信用卡中心, 詐騙, 騙案, 金管局, 金融管理局, 消委會, 消費者委員會

# 讀懂對方自己講嘅經過：講出理解到嘅內容，請對方確認或者揀（未經確認絕不照做）。
ui-understood = 聽落係：{ $problem }。
ui-understood-confirm = 我理解得啱唔啱？
ui-understood-which = 我唔太肯定理解得啱。以下邊一項最接近你遇到嘅情況？
ui-understood-pick = 請按最啱嗰項；都唔係嘅話，按「都唔係」喺完整清單度揀。
ui-understood-facts =
    喺你嘅訊息度我記低咗：
    { $facts }
    寫書面申請之前，呢啲都可以改。
ui-understood-thanks = 多謝！你已經講咗嘅，我唔會再問。
ui-understood-declined = 唔好意思，我理解錯咗。請喺下面揀。
btn-understood-yes = 啱，係咁
btn-understood-no = 唔啱，我自己揀
value-unknown = 唔清楚
btn-dont-know = 我唔知
understood-failed_deducted = 部機顯示交易失敗，但係扣咗錢
understood-failed_deducted-btn = 顯示失敗但扣咗錢
understood-double = 一單消費扣咗兩次
understood-double-btn = 扣咗兩次
understood-wrong_amount_over = 扣嘅銀碼多過價錢
understood-wrong_amount_over-btn = 多收咗
understood-wrong_amount_under = 扣嘅銀碼少過價錢，店舖要你補返差額
understood-wrong_amount_under-btn = 少收咗
understood-wrong_merchant = 錢俾咗另一間商戶，唔係你俾錢嗰間
understood-wrong_merchant-btn = 俾錯商戶
understood-terminal_fault = 俾錢嗰陣部卡機壞咗或者hang機
understood-terminal_fault-btn = 卡機故障
understood-unrecognised = 張卡有一筆唔係你本人嘅簽賬
understood-unrecognised-btn = 有一筆我唔認得嘅簽賬
understood-refund_missing = 商戶答應咗嘅退款仲未到
understood-refund_missing-btn = 退款一直未到
understood-qr_wallet = 你係掃 QR 碼或者用電子錢包俾錢，唔係喺卡機碌卡
understood-qr_wallet-btn = QR 碼或電子錢包
understood-online = 你係網上買嘢，唔係喺舖頭卡機俾錢
understood-online-btn = 網上購物
understood-merchant = 你係商戶，客人張卡嘅交易出咗問題
understood-merchant-btn = 我係商戶
understood-scam = 有人扮銀行或者官方聯絡你
understood-scam-btn = 可疑電話或訊息
fact-amount = 銀碼
fact-txn_time = 時間
fact-merchant_name = 商戶
fact-card_last4 = 卡號最後4位
fact-jurisdiction = 發卡地

# A date that reads more than one way is never guessed.
ui-date-which =
    呢個日期可以有唔止一種讀法：
    { $dates }
    你指嘅係邊個？請用「11月3號」或者「2026-11-03」咁嘅寫法再輸入一次。

# A reply that waits for the sending budget: said once, before it.
ui-busy = 而家好多人同時查詢。你嘅訊息已經儲存，大約 { $seconds } 秒後回覆你。
