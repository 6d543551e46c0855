# 程式本身使用的文字（i18n::UI_KEYS）：指令、錯誤提示、格式。決策樹的文字在 flow.ftl。

ui-lang-name = 繁體中文（台灣）
# Each language by name, in this language (a letter copy "in Chinese (Simplified)").
language-en-US = 英文
language-zh-CN = 簡體中文
language-zh-TW = 繁體中文（台灣）
language-zh-HK = 繁體中文（香港）

ui-help-intro =
    刷卡付款出了問題，我來幫您一步步處理。請用按鈕回答（也可以輸入序號或按鈕上的文字），或直接輸入。
    指令：
ui-help-outro = 我絕不會向您索取完整卡號、CVV安全碼、密碼或簡訊驗證碼。

ui-too-long = 這則訊息太長了（超過 { $max } 個字元），請分幾則簡短傳送。
ui-card-kept-last4 = 這看起來是完整卡號。我只保留了末4碼（{ $last4 }），其餘數字沒有儲存。請不要在聊天中傳送完整卡號。
ui-card-removed = 這則訊息裡似乎有完整卡號（末4碼 { $last4 }），所以我沒有儲存它。我從不需要您的完整卡號，只在詢問時需要末4碼。請去掉卡號後重新回答。
ui-card-split-kept-last4 = 這幾則訊息合起來像是分開傳送的完整卡號。我只保留了末4碼（{ $last4 }），其餘的已刪除。無論整串還是分開，都請不要在聊天中傳送完整卡號。
ui-card-split-removed = 這幾則訊息合起來像是分開傳送的完整卡號，所以我把它們刪掉了，一點也沒有儲存。我從不需要您的完整卡號，只在詢問時需要末4碼。
ui-secret-refused = 請不要把CVV安全碼、密碼或簡訊驗證碼告訴任何人——包括我、銀行、商家和打電話給您的人。那則訊息我沒有儲存。如果有人向您索取，請仔細閱讀：
ui-choose-button = 請選擇一個選項：點按鈕，或輸入它的序號。
ui-bad-amount = 看不懂這個金額。請只輸入數字，例如 { $example }。
ui-bad-amount-positive = 金額必須大於零，請重新輸入，例如 { $example }。
ui-bad-amount-large = 這個金額對刷卡消費來說太大了，請核對後重新輸入，例如 { $example }。
ui-bad-amount-decimals = 最多保留兩位小數，例如 { $example }。
ui-bad-date = 看不懂這個日期。請這樣輸入：2026-11-25 14:30，或「今天 14:30」，或「昨天」。
ui-bad-date-future = 這個日期還沒到。付款是什麼時候？例如：昨天 18:05。
ui-bad-date-old = 這個日期太久遠了，我幫不上忙。請核對，例如 2026-11-25。
ui-bad-yesno = 請回答「是」或「否」（或點按鈕）。
ui-bad-last4 = 請只輸入卡號末4碼，例如 1234。不要輸入完整卡號。
ui-bad-text-empty = 請簡單輸入幾個字。
ui-bad-text-long = 請控制在500字以內。
ui-bad-text-number = 這只是一串數字。請輸入名稱（帶文字），例如簽帳單或銀行簡訊上寫的名稱。
ui-stale-button = 這個按鈕屬於之前的問題。我們現在在這裡：
ui-stuck-handoff = 看來我們在原地打轉。我已經請客服人員查看您的案件，他們會在這裡回覆您。在此期間您可以繼續。
ui-nothing-back = 這是第一個問題，沒有可以回去的了。
ui-unknown-command = 我不認識這個指令。傳送 /help 查看我能做什麼。
ui-case-closed = 案件 { $case_id } 已結束（{ $outcome }）。傳送 /status 查看，或傳送 /start 開新案件。
ui-flow-changed = 自上次聊天以來，我的指引更新了，所以我們從頭開始。您之前的回答都還在。
ui-status = 案件 { $case_id } — 狀態：{ $status }。目前步驟：{ $step }。
ui-status-facts =
    金額：{ $amount }
    付款時間：{ $txn_time }
    卡號末4碼：{ $card_last4 }
    商家：{ $merchant_name }
ui-status-steps =
    已完成的步驟：
    { $steps }
ui-status-no-steps = 還沒有記錄任何步驟。
ui-welcome-back = 歡迎回來。我們從上次停下的地方繼續處理案件 { $case_id }。
ui-new-case = 新案件 { $case_id }。請記下這個編號，客服人員會向您詢問。
ui-lang-changed = 語言已切換為繁體中文。
ui-lang-unknown = 沒有「{ $tag }」這種語言。可選：{ $available }。例如：/lang zh-CN
ui-forget-confirm = 這將永久刪除您全部 { $count } 個案件及所有回答。確認請傳送：/forget yes
ui-forgotten = 已刪除：{ $count } 個案件及其全部內容。需要幫助時隨時傳送 /start。
ui-saved-bye = 案件 { $case_id } 已儲存。下次再執行我，就從停下的地方繼續。
ui-save-failed = 抱歉，剛才沒能儲存，所以沒有任何變動。請稍後再傳送一次。
ui-no-case = 您還沒有案件。傳送 /start 開始。

btn-yes = 是
btn-no = 否

status-open = 處理中
status-waiting = 等待銀行或商家處理
status-escalated = 已進一步申訴
status-handed_off = 已轉客服人員
status-resolved = 已解決
status-closed = 已結束

outcome-open = 尚未結束
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

ui-file-received = 收到：已有 { $count } 個檔案作為證據保存在您的案件裡。請妥善保管正本。
ui-file-not-here = 謝謝——只有在「證據」這一步我才能保存照片和檔案。請先回答問題，到時我會請您傳送。
ui-unsupported-message = 我只能讀取文字、按鈕，以及「證據」這一步的照片或檔案。請輸入您的回答。
ui-flood = 您傳訊息太快了，我跟不上。請等幾秒鐘，再把回答傳一次。
ui-lang-choose = 請選擇語言：
ui-you-chose = ✓ { $choice }
ui-duplicate-ignored = 這則訊息我已經回覆過了。
step-evidence_received = 已傳送證據（照片或檔案）

cmd-start = 開一個新案件
cmd-status = 查看案件進度
cmd-back = 回到上一個問題
cmd-lang = 切換語言
cmd-human = 請客服人員處理
cmd-scam = 有人催我轉帳或索取驗證碼
cmd-help = 我能做什麼
cmd-forget = 刪除關於我的全部紀錄
cmd-cases = 查看並切換我的案件
cmd-remind = 關閉追蹤提醒（/remind off）
cmd-opencase = 商家：為顧客開一個案件
cmd-mycases = 商家：查看我的顧客的案件
ui-remind-usage = 傳送 /remind off 可關閉這個案件的追蹤提醒。
ui-cases =
    您的案件：{ $count } 個
    { $list }
ui-cases-hint = 點一下案件，或傳送 /cases 加案件編號，即可切換回那個案件。
ui-cases-none = 您還沒有案件。傳送 /start 開一個新案件。
ui-cases-current = （目前）
ui-cases-switched = 已切換到案件 { $case_id }。目前的進度如下：
ui-cases-unknown = { $case_id } 不是您的案件。

ui-staff-taken = 客服人員已經接手您的案件，會在這裡回覆您。您可以直接給他們留言。
ui-staff-reply = 💬 客服回覆：{ $text }
ui-staff-closed = 您的案件 { $case_id } 已結案：{ $outcome }。謝謝。需要幫助時請傳送 /start。
ui-relayed = 已轉給客服人員。
outcome-staff_resolved = 客服已處理解決
outcome-staff_refunded = 已退款
outcome-staff_rejected = 申請未被接受
outcome-staff_police = 已移交警方
outcome-staff_other = 客服已結案

ui-merchant-usage =
    商家：傳送 /merchant 加店名登記，分號後寫端末機代號。
    例如：/merchant 街角小店; 12345678, 87654321
    之後：/opencase 為被誤扣款的顧客開一個案件（顧客透過連結加入），/mycases 查看您的顧客的案件進度。
ui-merchant-registered =
    { $shop } 已登記（端末機代號：{ $terminals }）。
    給顧客的連結：{ $link }
    請列印下面的 QR Code 放在收銀台：透過它開始的顧客，案件裡會記錄您的店家。
ui-merchant-case-opened =
    案件 { $case_id } 已開立。請把這個連結（或下面的 QR Code）給您的顧客，打開後即加入該案件：
    { $link }
ui-merchant-cases =
    { $shop } 的顧客案件：{ $count } 個
    { $list }
ui-referred-by = 您是透過一間店家的連結進來的，這間店家在我們這裡登記的店名是「{ $shop }」。我會在您的案件裡記錄這家店。
ui-joined-case = 您已加入案件 { $case_id }，這個案件是在我們這裡登記名稱為「{ $shop }」的商家為您開立的。我們一起一步步處理。
cmd-merchant = 商家：登記並取得連結
ui-reminder = ⏰ 依約定回來追蹤您的案件。（傳送 /remind off 可關閉提醒。）
ui-remind-off = 好的，這個案件不再傳送追蹤提醒。
ui-snoozed = 好的，我會在 { $date } 再問您。在那之前隨時可以回答。
ui-resent = 收到您上一則訊息後我重新啟動了一下，可能沒有回覆您。我們現在在這一步：
btn-snooze = 過幾天再問我
ui-letter-caption = 書面申請，案件 { $case_id }（{ $language }）
ui-letter-bank-copy = 您的銀行使用{ $language }，所以我另外做了一份{ $language }版，方便您提交。
ui-file-saved = 📄 已儲存為 { $path }
letter-blank = ____________
ui-evidence-full = 您的案件已經存了 { $max } 個檔案，這是我能儲存的上限。如果客服還需要其他資料，會再向您索取。
ui-handoff-again-later = 這個案件已經結案，而且最近已經轉告過客服。上次轉告滿 { $hours } 小時後，我才能再次轉交；如果有新狀況，請傳送 /start 建立新案件。

# 商家：客服審核店名，以及店名須遵守的規則。
ui-referred-unvetted = 您是透過一家商家的連結進來的。我會在您的案件裡記錄下來。
ui-joined-case-unvetted = 您已加入一家商家為您開立的案件 { $case_id }。我們一起一步步處理。
ui-merchant-review-pending = 每個店名都要先經過我們的客服審核，顧客才看得到。在此之前，您的連結可以正常使用，但不會向顧客顯示您的店名。審核完成後會在這裡通知您。
ui-merchant-review-approved = 您的店名已通過審核：透過您的連結進來的顧客會看到它。
ui-merchant-review-rejected = 這個店名未通過客服審核：{ $reason }。您的連結仍可使用，但不會顯示店名；如需登記其他店名，請傳送 /merchant 加新店名。
ui-merchant-approved = 您的店名「{ $shop }」已通過審核：透過您的連結進來的顧客現在會看到它。
ui-merchant-rejected = 店名「{ $shop }」未通過客服審核：{ $reason }。您的連結仍可使用，但不會顯示店名。如需登記其他店名，請傳送 /merchant 加新店名。
ui-merchant-name-lines = 店名只能寫成一行。請重新傳送 /merchant，並把店名寫在同一行。
ui-merchant-name-length = 店名長度須為 { $min } 到 { $max } 個字元。
ui-merchant-name-email = 店名裡不能包含電子郵件地址。請只傳送您的店名。
ui-merchant-name-link = 店名裡不能包含網址或連結。請只傳送您的店名。
ui-merchant-name-handle = 店名裡不能包含 @ 使用者名稱。請只傳送您的店名。
ui-merchant-name-number = 店名裡不能包含電話號碼或其他長串數字（最多 { $digits } 位數字）。請只傳送您的店名。
ui-merchant-name-chars = 店名只能包含文字、數字、空格和這些符號：{ $allowed }
ui-merchant-name-no-letters = 店名裡需要有文字或數字。
ui-merchant-name-scripts = 店名不能混用拉丁字母和西里爾字母或希臘字母：這些字母外形相似，常被用來仿冒其他名稱。
ui-merchant-name-word = 店名裡不能包含「{ $word }」。聽起來像本服務、銀行或客服的詞語都不允許使用，以防有人冒充。請使用您店家自己的名稱。
# 店名中不允許出現的詞，用逗號分隔。每種語言的詞表都適用於所有店名。
merchant-name-blocklist = 客服, 人工客服, 線上客服, 官方, 銀行, 退款, 退費, 退錢, 理賠, 賠償, 補償, 銀聯, 支付寶, 微信支付, 街口支付, 財付通, 警察, 警方, 警政署, 刑事局, 反詐騙, 安全帳戶, 工作人員, 管理員, 認證中心, 驗證, 凍結, 解凍, 刷卡助手, 售後中心, 聯合信用卡中心, 客戶服務, 服務專線, 官網, 信用卡中心, 詐騙, 監管帳戶, 金管會, 調查局, 地檢署, 檢察官

# 讀懂對方自己講的經過：說出理解的內容，請對方確認或選擇（未經確認絕不照此處理）。
ui-understood = 聽起來是：{ $problem }。
ui-understood-confirm = 我理解得對嗎？
ui-understood-which = 我不太確定有沒有理解對。下面哪一項最接近您遇到的情況？
ui-understood-pick = 請點最符合的一項；都不是的話，點「都不是」從完整清單裡選。
ui-understood-facts =
    從您的訊息裡我記下了：
    { $facts }
    寫書面申請之前，這些都可以修改。
ui-understood-thanks = 謝謝！您已經告訴我的，我不會再問。
ui-understood-declined = 抱歉，我理解錯了。請在下面選擇。
btn-understood-yes = 對，就是這樣
btn-understood-no = 不對，我自己選
value-unknown = 不清楚
btn-dont-know = 我不知道
understood-failed_deducted = 刷卡機顯示交易失敗，但錢被扣了
understood-failed_deducted-btn = 顯示失敗但被扣款
understood-double = 一筆消費被扣了兩次
understood-double-btn = 被扣了兩次
understood-wrong_amount_over = 扣的金額比價格多
understood-wrong_amount_over-btn = 扣太多了
understood-wrong_amount_under = 扣的金額比價格少，店家要您補差額
understood-wrong_amount_under-btn = 扣太少了
understood-wrong_merchant = 錢付給了另一家商店，不是您付款的那家
understood-wrong_merchant-btn = 付錯商店
understood-terminal_fault = 付款時刷卡機故障或當機
understood-terminal_fault-btn = 刷卡機故障
understood-unrecognised = 卡上有一筆不是您本人的消費
understood-unrecognised-btn = 有一筆我不認得的消費
understood-refund_missing = 店家答應的退款還沒入帳
understood-refund_missing-btn = 退款一直沒收到
understood-qr_wallet = 您是掃 QR Code 或用電子錢包付款，不是在刷卡機上刷卡
understood-qr_wallet-btn = QR Code 或電子錢包
understood-online = 您是在網路上買的，不是在店裡的刷卡機付款
understood-online-btn = 網路購物
understood-merchant = 您是店家，客人的刷卡交易出了問題
understood-merchant-btn = 我是店家
understood-scam = 有人假冒銀行或官方聯絡您
understood-scam-btn = 可疑的電話或簡訊
fact-amount = 金額
fact-txn_time = 時間
fact-merchant_name = 商店
fact-card_last4 = 卡號末四碼
fact-jurisdiction = 發卡地

# A date that reads more than one way is never guessed.
ui-date-which =
    這個日期有不只一種讀法：
    { $dates }
    您指的是哪一個？請用「11月3日」或「2026-11-03」這樣的寫法再輸入一次。

# A reply that waits for the sending budget: said once, before it.
ui-busy = 現在詢問的人很多。您的訊息已儲存，大約 { $seconds } 秒後回覆您。
