## swipefix — 決策樹文字（flows/*.toml），香港書面語。
## 每個鍵在所有語言中都存在，佔位符相同。
## 號碼、日數、熱線和監管機構名稱來自 flows/jurisdictions/*.toml，以佔位符傳入。

## 步驟名稱（/status 顯示）

title-welcome = 開始
title-role = 你的身份
title-scam = 防騙提示
title-human = 等候真人客服
title-safety = 安全確認
title-error-type = 出了甚麼問題
title-freeze = 凍結你的卡
title-stop = 先停下，保留證據
title-details = 交易資料
title-intent = 是否涉及詐騙
title-police = 報警
title-timing = 取消交易、退款還是自動撤銷
title-evidence = 證據
title-waiting-reversal = 等候交易自動撤銷
title-merchant = 聯絡商戶
title-waiting-refund = 等候退款
title-bank = 聯絡銀行
title-application = 書面申請
title-card-region = 適用規則
title-waiting-bank = 等候銀行答覆
title-escalation = 投訴
title-monitor = 留意賬戶
title-summary = 總結
title-m-error = 出了甚麼問題（商戶）
title-m-check = 核對記錄
title-m-fix = 處理這筆交易
title-m-prevention = 預防

## 個案結果（final = "..."）和已完成的步驟（done = "..."），/status 顯示

outcome-resolved = 已解決
outcome-escalated = 已進一步跟進，由客服團隊處理
step-stopped = 已停下：不再重試，卡已保管好或已凍結
step-evidence_listed = 已列出證據
step-contacted_merchant = 已聯絡商戶
step-called_bank = 已致電銀行
step-application_written = 已準備書面申請
step-escalated = 已進一步投訴

## 歡迎和身份

welcome =
    你好，我是 swipefix。在商戶刷卡付款時出了問題，我可以幫你：
    • 被扣款兩次
    • 金額不對
    • 顯示「交易失敗」但已被扣款
    • 付錯了商戶
    • 刷卡機故障
    • 有一筆不明扣款
    我會一步一步陪你處理。使用刷卡機的商戶亦可以使用我。
    任何時候：輸入 /human 轉交真人客服；如有人正在催促你做任何操作，請輸入 /scam。
welcome-privacy =
    安全第一。我絕不會要求你提供完整卡號、CVV（卡背面的3位數字）、私人密碼、登入密碼或短訊驗證碼，最多只會問卡號最後4位數字。
    任何人向你索取這些資料，都不是在幫你。
ask-jurisdiction = 你的卡在哪裏發行？（請按發卡銀行所在的國家或地區選擇，不論是銀聯、Visa 還是萬事達卡……如你是商戶：請選擇店舖所在地。）
btn-jurisdiction-cn = 中國內地
btn-jurisdiction-hk = 香港
btn-jurisdiction-mo = 澳門
btn-jurisdiction-tw = 台灣
btn-jurisdiction-sg = 新加坡
btn-jurisdiction-uk = 英國
btn-jurisdiction-eu = 歐盟／歐洲經濟區
btn-jurisdiction-us = 美國
btn-jurisdiction-other = 其他地方
ask-us-card-kind = 這是信用卡還是扣賬卡？美國法律對兩者的保障不同。
btn-us-credit = 信用卡
btn-us-debit = 扣賬卡
ask-zone = 你身處哪個時區？「今日」和所有限期都會按這個時區計算。
btn-zone-us-eastern = 東部時間（紐約）
btn-zone-us-central = 中部時間（芝加哥）
btn-zone-us-mountain = 山區時間（丹佛）
btn-zone-us-arizona = 亞利桑那（鳳凰城）
btn-zone-us-pacific = 太平洋時間（洛杉磯）
btn-zone-us-alaska = 阿拉斯加（安克雷奇）
btn-zone-us-hawaii = 夏威夷（檀香山）
btn-zone-eu-western = 西歐（里斯本、都柏林）
btn-zone-eu-central = 中歐（柏林、巴黎、羅馬、馬德里）
btn-zone-eu-eastern = 東歐（赫爾辛基、雅典、布加勒斯特）
ask-role = 在這筆交易中，你是？
btn-cardholder = 我是刷卡付款的人
btn-merchant = 我是商戶／操作刷卡機的人

## 防騙（中斷和安全確認）

scam-warning =
    請先停一停——這可能是騙局。
    • 有人正在電話或對話中自稱銀行、「客服」、平台或警察，說要給你退款？請立即掛線。
    • 請自行致電銀行，只可使用卡背面印有的電話號碼。
    • 切勿提供短訊驗證碼、私人密碼、CVV，切勿分享螢幕。不要按對方傳來的連結，不要安裝對方要求你安裝的應用程式。
    • 切勿把錢轉到「安全賬戶」，亦切勿為了「驗證賬戶」而借貸。
    • 「多退了錢給你，請把差額轉回來」是騙局。收費「幫你追回損失」的也是騙局。
    • 網上搜尋到的電話號碼可能是假的。只使用卡上印有的號碼，或本機械人提供的號碼。
scam-if-shared = 已提供過驗證碼、密碼或卡資料，或已被扣款？請立即凍結你的卡：按下面的按鈕。
ask-scam-next = 你接下來想怎樣做？
btn-resume = 返回剛才的步驟
btn-freeze-card = 凍結卡／報告不明扣款
ask-safety-gate = 先做一個安全確認：現在是否有人正在電話或對話中，自稱銀行、客服、平台或警察，說要給你退款？
ask-scam-live = 你已經掛線了嗎？有沒有提供過驗證碼、密碼、卡資料，或分享過螢幕？
btn-hung-up = 已掛線，甚麼都沒有提供
btn-shared-details = 提供過資料／已被扣款

## 轉交真人客服（中斷）

human-handoff = 我已把你的個案轉交客服團隊。職員會在這個對話中回覆你。
human-meanwhile =
    你的個案編號：{ $case_id }
    等候期間：
    • 不要重複刷卡，並保管好你的卡。
    • 有不明扣款，或提供過驗證碼、密碼？請立即凍結你的卡：致電卡背面印有的電話號碼。
    • 保留收據、銀行短訊和截圖。
    • 我們的職員絕不會索取完整卡號、私人密碼、CVV 或短訊驗證碼。
ask-human-next = 等候期間，你亦可以繼續跟我處理下一步。

## 出了甚麼問題

ask-error-type = 出了甚麼問題？
btn-failed-deducted = 顯示「失敗」但已被扣款
btn-double = 被扣款兩次
btn-wrong-amount = 金額不對
btn-wrong-merchant = 付錯了商戶或賬戶
btn-terminal-fault = 刷卡機死機或顯示錯誤
btn-unrecognised = 有一筆不明扣款
btn-qr-wallet = 我用 QR 碼或電子錢包付款（微信支付、支付寶、轉數快、PayNow……）
ask-fault-money-taken = 你的賬戶有沒有被扣款（收到銀行短訊，或在手機銀行 App 見到這筆付款）？
summary-fault-no-money =
    總結 — 個案 { $case_id }
    刷卡機出現故障，但沒有被扣款：沒有需要提出爭議的交易。
    接下來：
    1. 告訴商戶刷卡機出現故障，讓他們通知刷卡機的服務供應商。
    2. 如有收據或錯誤畫面的相片，請保留。
    3. 未來幾日留意銀行短訊和月結單。如之後仍出現扣款，請輸入 /start，並選擇「顯示『失敗』但已被扣款」。
wallet-advice =
    以 QR 碼或電子錢包付款（微信支付、支付寶、轉數快、PayNow、八達通……）並不是刷卡交易：我所講解的刷卡規則和限期並不適用。請改為這樣做：
    1. 與刷卡付款一樣，先找商戶：退款會按你原來的付款方式退回。
    2. 在電子錢包的 App 內投訴：到「幫助」或「投訴」頁面，就這筆付款提出投訴，並保留參考編號。
    3. 如電子錢包是從你的卡或銀行賬戶扣款，而它不肯協助，亦要通知該銀行。
    4. 有人要求你掃描 QR 碼或轉賬來「解決」問題？這是騙局：請立即停止，並報警。
wallet-hk = 在香港，電子錢包和八達通屬於儲值支付工具：請先向錢包公司投訴。如未能解決，可致電香港金融管理局（金管局）的查詢熱線{ $svf_line }。如涉及騙案，可致電警方反詐騙協調中心的防騙易熱線{ $fraud_line }。
wallet-cn = 在中國內地，請先向支付 App 投訴。如未能解決，{ $pboc_name }受理有關支付的投訴：{ $pboc_line }。如涉及騙案，請報警：{ $police_line }。
summary-wallet =
    總結 — 個案 { $case_id }
    以 QR 碼或電子錢包付款：先使用電子錢包本身的投訴渠道。
    接下來：
    1. 商戶：要求按你原來的付款方式退款。
    2. 電子錢包 App：就這筆付款提出投訴，並保留參考編號。
    3. 如款項是從你的卡或賬戶扣除，請聯絡你的銀行。
    4. 保留付款畫面和所有對話的截圖。
    如你亦曾以卡付款，請輸入 /start。

## 立即凍結卡

freeze-now =
    請先做這件事：
    1. 凍結或報失你的卡。請致電{ $bank_hotline }。如手機銀行 App 有「凍結」或「報失」功能，亦可以使用。
    2. 告訴銀行哪一筆扣款並非由你本人進行，或你提供過甚麼（驗證碼、密碼或卡資料）。
    3. 索取參考編號，連同日期和時間一併記下。
    如有人為此致電你，請掛線，再自行致電銀行。
freeze-cn-proof =
    在中國內地，另外兩件事很有幫助：
    • 報失後，立即到最近的自動櫃員機（ATM）或銀行櫃位用這張卡做一筆交易（例如查詢結餘）。這筆記錄有助證明卡一直在你身邊（即「人卡未分離」）。
    • 報警（{ $police_line }），並把報案回執交給銀行。
ask-money-taken = 凍結之後：錢已經被扣了嗎？
btn-money-taken = 是，已被扣款
btn-taken-none = 還未被扣款
summary-no-loss =
    總結 — 個案 { $case_id }
    你的卡已凍結，沒有被扣款。
    接下來：
    1. 向銀行查詢補發新卡。
    2. 未來幾星期留意銀行短訊和月結單，如有異常，立即通知銀行。
    3. 如曾提供驗證碼、密碼或卡資料，請通知銀行並報警。
    4. 真正的銀行不會致電「幫你退款」。請掛線，再致電卡背面的電話號碼。

## 先停下，再填寫交易資料

stop-advice =
    請先停下：
    1. 在弄清楚之前，不要再付款，也不要在那部刷卡機上重試。大部分重複扣款都是因重試而起。
    2. 保管好你的卡。
    3. 保留一切：收據、銀行短訊、截圖。
    4. 不要以現金或轉賬向任何人補付「差額」。
stop-advice-unrecognised =
    請先把一切保留好：
    1. 保留有關這筆扣款的銀行短訊、手機銀行 App 截圖，以及凍結或報失時取得的參考編號。
    2. 切勿付錢給承諾「收費幫你追回」的人，切勿把錢轉到「安全賬戶」。
    3. 如有人為這筆扣款致電你，請掛線，再自行致電卡背面印有的電話號碼聯絡銀行。
details-intro = 接下來有幾條關於這筆交易的簡短問題。你的回答會用於給銀行的書面申請。
ask-amount = 被扣了多少錢？如被扣款兩次，請填寫其中一次的金額。例如：128.50
ask-txn-time = 你是何時付款的？請按收據或銀行短訊填寫日期和時間。例如：昨日 14:30，或 5月18日 14:30
ask-card-last4 =
    卡號最後4位數字。只需這4位，切勿傳送完整卡號。例如：1234
    用手機或手錶付款（Apple Pay、Google Pay、Samsung Pay……）？收據上顯示的會是手機專用的虛擬卡號，最後4位數字與實體卡不同。沒關係：請填寫收據或銀行短訊上的數字。
dcc-explain =
    你輸入的是{ $amount }，但你的卡的結算貨幣是 { $currency }：這是一筆外幣交易。
    • 如刷卡機讓你以本國貨幣、而不是當地貨幣付款，這就是「動態貨幣轉換」（DCC）：匯率由商戶的服務供應商決定，往往並不划算。商戶應先徵得你同意，並向你顯示匯率。如沒有，請告訴你的銀行：這可以作為提出爭議的理由。
    • 兩個金額我都會記下：刷卡機上顯示的金額，以及你的卡實際被扣的金額。
ask-card-amount = 你的卡實際被扣了多少？請填寫銀行短訊或 App 上顯示的金額（以卡的結算貨幣計算）。如仍未顯示，請再輸入一次收據上的金額。
ask-merchant-name = 收取這筆款項的商戶名稱，請按收據或銀行短訊上顯示的填寫（或你所知的名稱）。
ask-expected-amount = 正確的金額應該是多少？
same-amount = 扣款金額和正確金額你都填了{ $amount }，那就不是金額不對。請核對收據或銀行短訊：正確的金額應該是多少？
ask-amount-direction = 你兩次填寫的金額相同，我無法判斷哪裏出錯。是多收了還是少收了？
btn-too-much = 多收了
btn-too-little = 少收了
summary-undercharged =
    總結 — 個案 { $case_id }
    你在{ $merchant_name }被扣了{ $amount }，而應付金額是{ $expected_amount }，比實際價錢少。你的錢沒有風險。
    接下來：
    1. 你現在不需要做任何事。
    2. 商戶可能會請你補付差額。差額是你應付的，但只需補付準確的差額；商戶要再次從你的卡扣款，須先得到你同意。
    3. 補付差額時，請在店內以新的一筆刷卡交易支付，並索取收據。切勿轉賬到個人賬戶。
    4. 如有人致電自稱商戶或銀行並向你要錢，請掛線，再自行聯絡商戶核實。
    5. 保留收據，並留意月結單上有沒有第二次扣款。

## 是否報警

ask-intent = 這是一筆較大的金額。有沒有跡象顯示是蓄意的？例如：卡曾離開你的視線、商戶拒絕溝通，或商戶似乎已經消失。
police-cn =
    這件事除了要找銀行，也應該報警。
    1. 確認卡已凍結或報失，尤其是卡曾離開你的視線時：請致電{ $bank_hotline }。
    2. 報警：致電{ $police_line }或前往派出所。帶備銀行短訊，以及顯示在{ $merchant_name }扣款{ $amount }的結單或交易記錄，如有收據亦一併帶備。
    3. 索取報案回執，銀行會需要副本。
    4. 反詐騙預警專線是{ $fraud_line }。
    我亦已為客服團隊標記了你的個案。現在我們先整理證據。
police-intl =
    如果這是詐騙（不是你本人的消費、卡被複製，或被蓄意多收）：
    1. 確認卡已凍結。
    2. 向當地警方報案，並保留報案編號，銀行可能會要求提供。
    我亦已為客服團隊標記了你的個案。現在我們先整理證據。
police-hk =
    如果這是詐騙（不是你本人的消費、卡被複製，或被蓄意多收）：
    1. 確認卡已凍結。
    2. 前往警署，或透過香港警務處「網上報案中心」報案，並保留報案編號。如遇緊急情況，請致電{ $police_line }。
    3. 警方反詐騙協調中心的防騙易熱線{ $fraud_line }全天候提供諮詢，但不接受報案。
    我亦已為客服團隊標記了你的個案。現在我們先整理證據。
police-tw =
    如果這是詐騙（不是你本人的消費、卡被複製，或被蓄意多收）：
    1. 確認卡已凍結。
    2. 報警：致電{ $police_line }，或前往派出所。保留報案記錄：銀行可能會要求提供。
    3. 反詐騙諮詢專線{ $fraud_line }提供免費諮詢。
    我亦已為客服團隊標記了你的個案。現在我們先整理證據。
police-sg =
    如果這是詐騙（不是你本人的消費、卡被複製，或被蓄意多收）：
    1. 確認卡已凍結。
    2. 在網上或致電警方熱線{ $police_hotline }報案；如遇緊急情況，請致電{ $police_line }。保留報案編號。
    3. ScamShield 熱線{ $fraud_line }可協助判斷是否騙局，並指引你聯絡銀行；但它不能接受報案。
    我亦已為客服團隊標記了你的個案。現在我們先整理證據。
police-uk =
    如果這是詐騙（不是你本人的消費、卡被複製，或被蓄意多收）：
    1. 確認卡已凍結。致電{ $bank_connect_line }可安全地接通你的銀行。
    2. 向 Report Fraud 舉報：網站 { $fraud_web }，電話 { $fraud_line }（英格蘭、威爾斯及北愛爾蘭）。在蘇格蘭，請致電蘇格蘭警察（Police Scotland）{ $police_non_emergency }。
    3. 如遇緊急情況，請致電{ $police_line }。保留每一個報案編號。
    我亦已為客服團隊標記了你的個案。現在我們先整理證據。
police-us =
    如果這是詐騙（不是你本人的消費、卡被複製，或被蓄意多收）：
    1. 確認卡已凍結。
    2. 如有金錢損失，請致電當地警方的非緊急電話報案（緊急情況請致電{ $police_line }），並保留報案編號。
    3. 在 { $fraud_web } 向美國聯邦貿易委員會（FTC）舉報騙案。如你的卡資料被盜，亦請到 { $identity_web } 舉報。
    我亦已為客服團隊標記了你的個案。現在我們先整理證據。
police-eu =
    如果這是詐騙（不是你本人的消費、卡被複製，或被蓄意多收）：
    1. 確認卡已凍結。
    2. 向當地警方報案，並保留報案編號；如遇緊急情況，請致電{ $police_line }（所有歐盟國家通用）。
    我亦已為客服團隊標記了你的個案。現在我們先整理證據。

## 時間：取消交易、退款還是自動撤銷

ask-double-failed = 兩次交易中，刷卡機有沒有顯示其中一次失敗（顯示錯誤，或沒有列印收據）？
btn-double-failed-first = 有，其中一次顯示「失敗」
btn-double-both-ok = 沒有，兩次都成功
void-advice =
    你是今日付款的，所以最快的方法是取消交易。
    • 取消交易只可以在{ $void_cutoff }進行。{ $merchant_name }在刷卡機上取消這筆錯誤交易，全數金額會即時或在幾分鐘內退回。
    • { $error_type ->
        [double] 請商戶只取消第二筆、重複的那一筆，並給你取消交易收據。
        [wrong_amount] 請商戶取消金額錯誤的那一筆，並給你取消交易收據，然後按正確金額重新刷卡，並給你新的收據。
       *[other] 請商戶只取消錯誤的那一筆，並給你取消交易收據。
      }
    • 如商戶已經日結，便改為辦理退款。
    • 不要接受以現金「解決」。
refund-advice =
    你是在 { $txn_time } 付款的，並非今日：已不能取消交易，所以商戶要改為辦理退款。
    • 款項退回同一張卡，切勿接受現金。
    • { $error_type ->
        [double] 只退回第二筆、重複的那一筆。
        [wrong_amount] 只需退回多收的部分（部分退款）。
       *[other] 要求退回全數金額。
      }
    • 一般需時{ $refund_days }個工作天才退回你的賬戶。
    • 索取退款收據或書面確認。
reversal-advice =
    刷卡機顯示「失敗」但已被扣款，通常會自動解決：刷卡機會在下一筆連線交易時自動發出撤銷指示（沖正）。
    • 款項一般會在{ $reversal_wait_days }個工作天內退回。
    • 你可以請商戶在刷卡機上查看這筆交易到底有沒有成功。
    • 如屆時仍未退回，便由發卡銀行跟進調查。我會協助你處理這一步。

## 證據

evidence-list =
    以下全部都要保留，需要遞交時請提供副本，切勿交出正本：
    • 收據
    • 銀行短訊
    • 手機銀行 App 截圖或月結單
    • 訂單，或與商戶的對話記錄
    • 每次通話的記錄：日期、時間、與誰通話
    在 Telegram 上，你亦可以直接在這裏傳送它們的相片，我會保存在你的個案中。
evidence-bank-query =
    銀行查詢這筆交易需要：
    • 卡號最後4位數字為 { $card_last4 } 的卡（完整卡號銀行已有，不要傳送給任何人）
    • 日期和時間：{ $txn_time }
    • 金額：{ $amount }
    • 商戶：{ $merchant_name }
    • 終端機編號和交易編號（如收據上有）
evidence-list-unrecognised =
    以下全部都要保留，需要遞交時請提供副本，切勿交出正本：
    • 有關這筆扣款的銀行短訊
    • 手機銀行 App 截圖或月結單
    • 凍結或報失時取得的參考編號
    • 報案記錄（如已報警）
    • 每次通話的記錄：日期、時間、與誰通話
    在 Telegram 上，你亦可以直接在這裏傳送它們的相片，我會保存在你的個案中。
ask-evidence = 你有收據嗎？
btn-evidence-ok = 有，已經保存好
btn-slip-missing = 沒有收據／遺失了
no-slip-tip =
    沒關係，仍然可以繼續：
    • 銀行短訊、手機銀行 App 截圖或月結單，都可以證明這筆交易。
    • 請商戶從刷卡機的記錄中給你一份副本。
    • 趁還記得，寫下時間、地點、買了甚麼、由誰接待你。

## 等候交易自動撤銷

ask-reversal-back = 款項已退回你的賬戶了嗎？如果現在還未能確定，請按「過幾日再問我」：我會回來再問你。
btn-money-back = 是，已經退回
btn-money-not-back = 等候期已過，仍未退回

## 商戶

merchant-contact =
    接下來，請聯絡{ $merchant_name }：致電、親身到店，或透過你使用的 App 或平台。
    請商戶：
    1. 按上文所述取消交易或退款，
    2. 退回同一張卡，切勿接受現金，
    3. 提供取消交易收據、退款收據或書面確認。
    記下日期、時間和接待你的人。
ask-merchant-agrees = 商戶怎樣回覆？
btn-merchant-agreed = 同意取消交易或退款
btn-merchant-cash = 他們要以現金退款
btn-merchant-refused = 他們拒絕了
btn-merchant-unreachable = 聯絡不上
cash-offer =
    請不要接受以現金退回刷卡的款項。這樣不會取消刷卡交易，你手上也沒有任何記錄。
    請商戶在刷卡機上把款項退回同一張卡。如他們仍然拒絕，請選擇「他們拒絕了」。
ask-merchant-agrees-after-cash = 那麼，商戶最後怎樣回覆？
merchant-refund =
    很好。請確認：
    • 款項退回同一張卡，而不是以現金退還；
    • 取得取消交易收據、退款收據，或註明金額和日期的書面確認。
    取消交易會即時或在幾分鐘內退回。退款一般需時{ $refund_days }個工作天。款項退回之前，請保留好收據。
ask-refund-arrived = 款項已退回你的賬戶了嗎？如果時間還未到，過幾日再回來便可：你的個案會一直停在這條問題。
btn-refund-arrived = 是，已經退回
btn-refund-missing = 時間已到，仍未退回
dispute-intro = 沒關係：不需要商戶同意。你的發卡銀行可以就這筆交易提出爭議。下一步：致電銀行，然後遞交書面申請。申請書由我幫你寫。

## 銀行

bank-call =
    請致電銀行：{ $bank_hotline }。只使用這個號碼，不要用網上搜尋到或別人給你的號碼。
    告訴對方：
    • { $error_type ->
        [failed_deducted] 「一筆刷卡交易顯示失敗，但已被扣款，我要求退回款項」，
        [unrecognised] 「有一筆刷卡交易不是我本人進行的，我要提出爭議」，
       *[other] 「我要就一筆刷卡交易提出爭議」，
      }
    • 卡號最後4位數字、日期、時間、金額和商戶，
    • 哪裏出錯，以及你要求退款。
    索取參考編號，並問清楚書面申請應如何遞交。
    { $network_contact }
call-log = 每次通話都要記下：日期、時間、職員姓名或職員編號、參考編號。把這份記錄和證據放在一起。
ask-bank-called = 致電後請按一下。
btn-bank-called = 已致電銀行
btn-bank-unreachable = 打不通
bank-called = 做得好。單靠電話並不足夠：銀行必須答覆的是書面申請。我們現在就寫。
bank-unreachable = 沒關係，仍然可以繼續。銀行必須答覆的是書面申請，即使未能接通電話，也可以先遞交。請繼續致電卡背面印有的電話號碼，每次嘗試都記下日期和時間。

## 書面申請

application-intro = 這是你的書面申請（個案 { $case_id }）。核對無誤後請簽署，連同證據副本一併交給銀行。我亦已把它製成檔案，方便你打印。
application-letter =
    書面申請：刷卡交易爭議
    姓名：{ $holder_name }
    卡號最後4位數字：{ $card_last4 }
    交易：{ $txn_time }，{ $amount }{ $card_charge }，{ $merchant_name }
    終端機編號和交易編號（如收據上有）：____________
    問題：{ $error_type ->
        [failed_deducted] 刷卡機顯示交易失敗，但款項已從我的賬戶扣除。
        [double] 同一筆消費被扣款兩次，第二筆為重複扣款。
        [wrong_merchant] 款項被誤付予錯誤的商戶或賬戶。
        [terminal_fault] 交易期間刷卡機發生故障，款項被錯誤扣除。
        [unrecognised] 這筆交易並非由我本人進行，亦未經我授權。我已於____________報失該卡。
       *[other] 這筆交易處理有誤。
    }
    爭議金額：{ $amount }
    申請事項：要求撤銷該筆扣款，或把{ $amount }退回此卡。
    附件（副本）：{ $error_type ->
        [unrecognised] 銀行短訊或月結單；凍結或報失的參考編號；報案記錄（如有）；通話記錄。
       *[other] 收據；銀行短訊或月結單；訂單或對話記錄；通話記錄。
    }
    日期：{ $today }
    簽署：____________
application-letter-wrong-amount =
    書面申請：刷卡交易爭議
    姓名：{ $holder_name }
    卡號最後4位數字：{ $card_last4 }
    交易：{ $txn_time }，{ $amount }{ $card_charge }，{ $merchant_name }
    終端機編號和交易編號（如收據上有）：____________
    問題：實際扣款{ $amount }，正確金額應為{ $expected_amount }。
    爭議金額：{ $difference }（{ $amount }與{ $expected_amount }之間的差額）
    申請事項：要求把{ $difference }退回此卡。
    附件（副本）：收據；銀行短訊或月結單；訂單或對話記錄；通話記錄。
    日期：{ $today }
    簽署：____________
review-facts =
    寫申請書之前，請先核對資料。銀行會以申請書上所寫的為準。
    • 金額：{ $amount }
    • 日期和時間：{ $txn_time }
    • 卡號最後4位數字：{ $card_last4 }
    • 商戶：{ $merchant_name }
    • 你的姓名：{ $holder_name }
review-facts-wrong-amount =
    寫申請書之前，請先核對資料。銀行會以申請書上所寫的為準。
    • 實際扣款：{ $amount }
    • 正確金額：{ $expected_amount }
    • 日期和時間：{ $txn_time }
    • 卡號最後4位數字：{ $card_last4 }
    • 商戶：{ $merchant_name }
    • 你的姓名：{ $holder_name }
ask-review = 全部正確嗎？請按要修改的項目，或按「全部正確」。姓名可以不填：不填的話，申請書上會留空位讓你親筆填寫。
btn-review-correct = 全部正確，開始寫
btn-fix-amount = 修改金額
btn-fix-expected = 修改正確金額
btn-fix-time = 修改日期和時間
btn-fix-last4 = 修改卡號最後4位數字
btn-fix-merchant = 修改商戶
btn-add-name = 填寫或修改姓名
ask-holder-name = 請輸入你在銀行登記的姓名，用於申請書。只需姓名，不要輸入卡號、身份證號碼或密碼。
send-cn =
    如何遞交：
    1. 交到發卡銀行的分行，或按銀行在電話中告訴你的方法遞交。自己保留一份。
    2. 附上證據副本，切勿交出正本。
    3. 索取簽收日期或參考編號。
    銀行須在{ $bank_complaint_days }日內答覆投訴。{ $bank_extension }（{ $complaint_rule }）。
send-us-credit =
    美國信用卡（《公平信用結算法》Fair Credit Billing Act）：
    1. 把申請以書面形式寄往月結單上列明的「賬單查詢」（billing inquiries）地址（不是還款地址），限期為首份顯示這項錯誤的月結單寄出後{ $fcba_notice_days }日內。
    2. 姓名和賬戶號碼請你自己寫在信上。切勿把完整卡號傳送給我或任何致電給你的人。
    3. 單靠電話並不能保障你的權利。請保留副本和寄件證明。
    發卡機構須在{ $fcba_ack_days }日內確認收到，並在{ $fcba_resolve_cycles }個賬單週期內（最多{ $fcba_resolve_days }日）處理完畢。
send-us-debit =
    美國扣賬卡（E 規例 Regulation E）：
    1. 在首份顯示這項錯誤的結單之後{ $rege_report_days }日內通知銀行。同時亦以書面通知，並保留副本。
    2. 銀行須在{ $rege_investigate_days }個工作天內完成調查，或先給你臨時入賬再延長調查：最多{ $rege_max_days }日；像這樣在商戶刷卡機上進行的交易，最多{ $rege_pos_days }日。
send-uk =
    英國的卡：
    1. 立即寄出申請，並須及時通知銀行，不得無故拖延：通知銀行的法定限期為扣款後{ $psr_months }個月（《2017年支付服務規例》第74條）。
    2. 請銀行向信用卡組織提出退單（chargeback）。
    { $error_type ->
        [unrecognised] 3. 未經你授權的交易，銀行須在得知後的下個工作天完結前退款（第76條），除非銀行有合理理由懷疑你涉及欺詐。如卡遺失或被盜，你最多只需承擔{ $liability_cap }（第77條）；通知銀行後才發生的交易，你毋須承擔。
       *[other] 3. 保留申請書副本和寄件證明。
    }
send-uk-s75 = 英國信用卡，而單件貨品價格高於{ $s75_min }、不超過{ $s75_max }：你亦可以根據《消費信貸法》第75條（Section 75）向發卡機構索償。
send-eu =
    歐盟／歐洲經濟區的卡：
    1. 立即寄出申請，並須及時通知銀行，不得無故拖延：通知銀行的法定限期為扣款後{ $psr_months }個月（PSD2 第71條）。
    2. 請銀行向信用卡組織提出退單（chargeback）。
    3. 銀行須在{ $bank_reply_days }個工作天內就投訴作出最終答覆（只有先作出臨時答覆，才可延長）。
    { $error_type ->
        [unrecognised] 4. 未經你授權的交易，銀行須在得知後的下個工作天完結前退款（PSD2 第73條），除非銀行懷疑你涉及欺詐，並已就此向主管當局報告。如卡遺失或被盜，你最多只需承擔{ $liability_cap }（第74條）。
       *[other] 4. 保留申請書副本和寄件證明。
    }
send-hk =
    香港的卡：
    1. 立即把申請寄給你的銀行。銀行一般要求在月結單日期後{ $bank_report_days }日內報告有爭議及未經授權的交易，所以不要等收到月結單才處理。
    2. 請銀行向信用卡組織（Visa、萬事達卡或銀聯）提出退單（chargeback），並索取參考編號。每筆有爭議的交易只可以有一個理由：請選擇最合適的一個。
    3. 保留副本和寄件證明。如銀行在{ $fdrc_wait_days }日內沒有作出最終書面答覆，你可以向金融糾紛調解中心申請（見下文）。
send-tw =
    台灣的卡：
    1. 致電銀行客戶服務熱線，就這筆交易提出「爭議帳款」並要求調查；同時寄出書面申請，並保留副本。
    2. 請銀行向信用卡組織提出退單（chargeback）。銀行調查期間，你亦可以要求暫緩繳付這筆有爭議的款項。
    3. 銀行須在{ $bank_reply_days }日內處理你的投訴（台灣《金融消費者保護法》）。
send-sg =
    新加坡的卡：
    1. 立即把申請寄給你的銀行，並保留副本：必須先讓銀行有機會處理。
    2. 請銀行向信用卡組織提出退單（chargeback），並索取參考編號。
    3. 如{ $fidrec_wait_days }日後仍未解決，你可以向 FIDReC（新加坡金融業糾紛調解中心）申請（見下文）。
send-other =
    你的卡：
    1. 盡快把申請寄給銀行。請保留副本和寄件證明。
    2. 請銀行向信用卡組織（Visa、萬事達卡、銀聯……）提出退單（chargeback），並問清楚銀行須在多久之內答覆你。
    3. 銀行的投訴頁面會列明下一步可以向哪個監管機構或申訴機構求助：請記下來。
ask-bank-answer = 銀行答覆後，或期限已過，請再回來。結果如何？
btn-bank-fixed = 銀行已退回款項
btn-bank-refused = 銀行拒絕了
btn-bank-silent = 到期仍未答覆

## 進一步投訴

escalate-cn =
    如銀行拒絕，或超過期限仍未答覆，你可以進一步投訴。請準備好書面申請、銀行的答覆（如有）和通話記錄。
    • { $pboc_line } — { $pboc_name }：有關支付結算的投訴，例如刷卡交易。辦公時間：{ $pboc_hours }。須先向銀行投訴。
    • { $nfra_line } — { $nfra_name }：有關銀行的投訴。
    • { $market_line } — { $market_name }：與商戶本身的糾紛。
escalate-cn-law = 對於商戶，內地《消費者權益保護法》第三十九條為你提供以下途徑：與商戶協商和解；請消費者協會調解；向有關行政部門投訴；根據與商戶達成的仲裁協議申請仲裁；向人民法院起訴。
escalate-cn-police = 有蓄意的跡象（詐騙、蓄意重複扣款、盜用複製卡）？請報警：{ $police_line }。反詐騙預警專線：{ $fraud_line }。
unjust-enrichment =
    付錯了收款人，對方不肯退還？沒有法律依據而取得他人款項，屬於不當得利（內地《民法典》第一百二十二條、第九百八十五條）。
    • 你可以向法院提起民事訴訟。
    • 起訴前已可申請法院凍結對方財產（訴前財產保全）。
    • 保留銀行發出、證明款項已存入對方賬戶的記錄。
escalate-uk =
    如銀行拒絕或不答覆：
    1. 要求銀行以書面形式作出最終答覆。
    2. 然後你可以向金融申訴專員服務（Financial Ombudsman Service，{ $fos_line }）申訴。就支付相關的投訴，銀行有{ $fos_reply_days }個工作天作出最終答覆（其他投訴為{ $fos_other_weeks }星期）。期限過後，即使沒有答覆，你亦可以提出申訴。
    3. 須在銀行作出最終答覆後{ $fos_months }個月內提出。
    4. 英國信用卡，而單件貨品價格高於{ $s75_min }、不超過{ $s75_max }？同時可根據《消費信貸法》第75條（Section 75）索償。
escalate-intl =
    如銀行拒絕，或未有按時答覆：
    1. 要求銀行以書面形式作出最終答覆，並問清楚下一步可以向哪裏投訴。
    2. 如銀行仍未提出，請銀行按信用卡組織的規則提出退單（chargeback）（一般須在交易後{ $dispute_window_days }日內）。
    3. 然後帶同寄出和收到的所有文件副本，向銀行投訴頁面上列明的金融監管機構或申訴機構求助。
escalate-us =
    美國的卡：
    • 以書面形式提醒銀行上述期限（《公平信用結算法》或 E 規例）。
    • 然後你可以向美國消費者金融保護局（CFPB）投訴：網站 { $cfpb_web }，電話 { $cfpb_line }。被投訴的公司須在{ $cfpb_reply_days }日內回應。
escalate-hk =
    如銀行拒絕，或在{ $fdrc_wait_days }日內沒有作出最終書面答覆：
    1. 金融糾紛調解中心（FDRC，{ $fdrc_line }）：先調解，後仲裁，處理索償額不超過{ $fdrc_limit }的個案；須在你首次得悉損失後{ $fdrc_months }個月內提出。你必須先以書面形式向銀行投訴。
    2. 向香港金融管理局（金管局）投訴銀行：網站 { $hkma_web }，電話 { $hkma_line }。金管局不能命令銀行向你賠償：金錢索償須交由金融糾紛調解中心處理。
escalate-tw =
    如銀行拒絕，或在{ $bank_reply_days }日內未有處理：
    1. 在收到銀行答覆後，或銀行處理限期屆滿後{ $foi_apply_days }日內，向金融消費評議中心（評議中心，免費電話{ $foi_line }）申請評議。評議中心只會受理已先向銀行投訴的個案。
    2. 你亦可以致電金融服務專線{ $finance_line }查詢。
escalate-sg =
    如與銀行交涉{ $fidrec_wait_days }日後仍未解決，或你不同意銀行的最終答覆：
    1. 在銀行作出最終答覆後{ $fidrec_months }個月內向 FIDReC（新加坡金融業糾紛調解中心）申請。調解免費；裁決收費{ $fidrec_fee }，適用於索償額不超過{ $fidrec_limit }的個案。
    2. 正由警方調查的個案，FIDReC 未必受理：如你已報警，請告訴他們。
escalate-eu =
    如銀行拒絕，或在{ $bank_reply_days }個工作天內未有答覆：
    1. 要求銀行以書面形式作出最終答覆。
    2. 向銀行所在國家處理銀行投訴的庭外機構（FIN-NET 成員）投訴。你本國的 FIN-NET 成員可以代為轉交投訴。
ask-escalation-result = 有結果後請再回來。問題解決了嗎？
btn-solved = 解決了，款項已退回
btn-still-unsolved = 沒有，仍未解決

## 後續留意和總結

monitor-advice =
    未來幾星期請留意你的賬戶：
    • 確認退款或撤銷的款項真的已退回，而且金額正確。
    • 留意有沒有同一金額的第二次扣款。
    • 退款有時會在之後被撤回。
    • 如有任何異常，立即致電卡背面的電話號碼通知銀行。
    在確定事情完全了結之前，請保留好證據和通話記錄。
summary-resolved =
    總結 — 個案 { $case_id }
    在{ $merchant_name }的{ $amount }這筆扣款已經處理好。
    接下來：
    1. 核對退回的金額是否正確。
    2. 按上面所說，未來幾星期繼續留意月結單。
    3. 保留收據和記錄。
    如有異常，請輸入 /start 告訴我，或輸入 /human。
summary-not-solved =
    總結 — 個案 { $case_id }
    在{ $merchant_name }的{ $amount }：仍未解決。我已把你的個案轉交客服團隊，職員會查看並在這裏回覆你。
    你現在可以：
    1. 把所有證據、信件和通話記錄放在一起。
    2. 按次序使用上面的投訴途徑。
    3. 切勿付錢給承諾「收費幫你追回」的機構。
    4. 繼續留意賬戶，如有異常，立即通知銀行。

## 商戶

m-intro =
    商戶請先留意：
    • 在弄清楚之前，不要重新刷這筆交易。大部分重複扣款都是因重試而起。
    • 刷卡交易切勿以現金退款。以現金退款不會取消刷卡交易，更會被視為違規套現。退款須在刷卡機上退回同一張卡。
    • 小心自稱被重複扣款、要求以現金退回差額的「顧客」。請先核對記錄，我會告訴你怎樣做。
ask-m-error = 發生了甚麼事？
btn-m-wrong-amount = 我輸入了錯誤的金額
btn-m-double = 我向顧客重複收了款
btn-m-no-slip = 沒有列印收據
btn-m-frozen = 刷卡機死機了
btn-m-claims-double = 顧客說被扣款兩次
ask-m-direction = 是多收了還是少收了？
m-undercharged =
    你少收了。只有在顧客同意下，才可以補收差額。
    • 先問顧客。顧客同意的話，重新刷一筆剛好等於差額的交易，並把收據交給顧客。
    • 如顧客不同意或已經離開，不要再從這張卡扣款。
    • 切勿要求顧客把差額轉賬到個人賬戶。
m-check-batch =
    先核對，再進行任何操作。請查看刷卡機的最近交易和當日的結算記錄（或收單機構——即為你提供刷卡機的銀行或公司——的記錄）：
    • 有兩筆：顧客被扣款兩次。
    • 有一筆：交易已經成功。為顧客補印收據，不要再刷卡。
    • 沒有：交易沒有成功。
m-batch-once = 記錄中有一筆，即交易已經成功，顧客只付了一次款。請在刷卡機上為顧客補印收據，不要再從這張卡扣款。
ask-m-batch = 你看到的是？
btn-m-batch-twice = 有兩筆
btn-m-batch-once = 有一筆
btn-m-batch-missing = 沒有這筆交易
m-no-slip =
    沒有列印收據，通常表示刷卡機未有完成這筆交易。
    1. 不要為了取得收據而重刷同一筆交易。先查看刷卡機的最近交易。
    2. 如沒有這筆交易，便如常進行下一筆交易。這樣刷卡機會為失敗的那一筆自動發出撤銷指示（沖正）。
    3. 通知收單機構（為你提供刷卡機的銀行或公司）。
    4. 告訴顧客：如已被扣款，款項一般會在{ $reversal_wait_days }個工作天內退回。把你的聯絡方法和交易時間交給顧客。
m-claim-check =
    先核對記錄，再進行任何操作：
    • 查看那個時間前後，有沒有兩筆金額相同、同一張卡（卡號最後4位數字）的成功交易：在刷卡機上、結算記錄中或收單機構的結單中。
    • 請顧客出示銀行短訊或手機銀行 App 的記錄。顧客絕不需要把卡號給你。
    切勿付現金，切勿轉賬。如果真的有兩筆，請把第二筆取消或退款到原卡。
ask-m-claim = 你的記錄顯示甚麼？
btn-m-claim-found = 有兩筆：確實重複了
btn-m-claim-single = 只有一筆
m-claim-not-found =
    你的記錄只有一筆。
    • 給顧客看收據和記錄，或給顧客一份副本。
    • 如顧客那邊仍然看到兩筆扣款，可以由其發卡銀行查核。請顧客致電卡背面的電話號碼。
    • 即使被催促，也不要付現金或轉賬。
    • 堅持要以現金「退回差額」的「顧客」是已知的騙局。請拒絕；如對方糾纏不休，請報警。
ask-m-timing = 今日的交易已經結算了嗎（刷卡機上的日結）？
btn-m-before-settlement = 還未結算
btn-m-after-settlement = 已經結算
m-void =
    取消錯誤的那筆交易。取消交易只可以在{ $void_cutoff }進行。
    1. 使用刷卡機的取消交易（VOID）功能，只取消錯誤的那一筆。收據上的交易編號可以幫你找到它。
    2. 取消交易必定是全數取消。顧客會即時或在幾分鐘內收到退款。
    3. 把取消交易收據交給顧客，自己保留一份。
    { $m_error ->
        [m_wrong_amount] 4. 然後在顧客同意下，按正確金額重新刷卡。
       *[other] 4. 查看刷卡機的交易列表：顧客的這筆付款現在應該只剩一筆。
    }
m-refund =
    今日的交易已經結算，所以要辦理退款：
    1. 使用刷卡機的退款（REFUND）功能（或聯絡收單機構），把錯誤扣取的部分退回同一張卡。可以只退回部分金額。
    2. 切勿以現金退款。
    3. 把退款收據交給顧客，並告訴顧客一般需時{ $refund_days }個工作天退回其賬戶。
    4. 自己保留的一份，請與原本的收據一併保存。
m-prevention =
    防止再次發生：
    • 每位員工都要接受刷卡機操作培訓。
    • 把刷卡機交給顧客之前，先核對螢幕上的金額。
    • 每日核對結算記錄。
    • 收據保存{ $evidence_retention }。
    • 定期保養刷卡機。
    • 為顧客提供清晰的反映問題渠道。
    • 刷卡交易切勿以現金退款。
summary-merchant =
    總結 — 個案 { $case_id }
    { $m_error ->
        [m_wrong_amount] { $m_timing ->
            [m_after_settlement] 金額輸入錯誤，已經日結：只把多收的部分退款到原卡。
           *[other] 金額輸入錯誤：取消這筆交易，在顧客同意下按正確金額重新刷卡。
        }
        [m_undercharged] 少收了：只有在顧客同意下，才把差額作為一筆新交易刷卡補收，並提供收據。切勿以轉賬方式收取。
        [m_double] { $m_timing ->
            [m_after_settlement] 重複扣款，已經日結：把第二筆退款到原卡。
           *[other] 重複扣款：取消第二筆。
        }
        [m_no_slip] 沒有列印收據：不要重刷。讓下一筆交易觸發自動撤銷，並通知收單機構。
        [m_frozen] 刷卡機死機：先核對記錄。然後取消或退款重複的那一筆，或等候自動撤銷，並通知收單機構。
        [m_frozen_twice] 刷卡機死機，記錄中有兩筆：把第二筆取消或退款到原卡。
        [m_frozen_once] 刷卡機死機，記錄中有一筆：交易已經成功。補印收據，不要再刷卡。
        [m_frozen_missing] 刷卡機死機，記錄中沒有這筆交易：不要為了收據而重刷。讓下一筆交易觸發自動撤銷，並通知收單機構。
        [m_customer_claims_double] 顧客說被扣款兩次：核對記錄。只退回真正重複的那一筆，而且只退回到卡上。
       *[other] 先核對記錄，再取消交易或退款到原卡。
    }
    謹記：退款必須退回卡上，切勿以現金退款。保留收據。你的顧客亦可以使用這個機械人。
m-register-hint = 給商戶的建議：傳送 /merchant 加店名，即可取得收銀處用的連結和 QR 碼。顧客掃描後便可直接找到我；/opencase 可為被錯誤扣款的顧客開立個案。
large-amount-handoff = 由於金額較大，我已同時把你的個案轉交客服職員，他們會在這裏聯絡你。在此期間，我們繼續處理。
deadline-reversal = 交易自動撤銷的款項應在此日前退回
deadline-refund = 退款應在此日前存入
deadline-bank_reply = 銀行應在此日前答覆你的書面投訴
deadline-chargeback = 信用卡組織爭議限期（一般）截至
deadline-psd2_notice = 通知銀行的法定限期截至
deadline-bank_investigation = 銀行應在此日前完成調查
deadline-open = 尚未到期
deadline-passed = 已過期
ui-status-deadlines =
    期限：
    { $deadlines }
deadline-reversal-note = { $deadline_reversal_passed ->
    [yes] 交易自動撤銷的一般等候期已於 { $deadline_reversal } 結束。如款項仍未退回，不要再等：請立即聯絡銀行。
   *[no] 預計在 { $deadline_reversal } 前退回（由付款日起按工作天計算）。如屆時仍未退回，請再來找我。
}
deadline-bank-reply-note = 由今日起計，銀行應在 { $deadline_bank_reply } 前答覆。
deadline-chargeback-note = { $deadline_chargeback_passed ->
    [yes] 就這筆交易而言，信用卡組織一般的爭議限期已於 { $deadline_chargeback } 屆滿。不過，仍請向銀行查詢：有些限期由較後的日期起計（月結單日期、送貨日期），而未經你授權的交易另有保障。
   *[no] 就這筆交易而言，信用卡組織一般的爭議限期於 { $deadline_chargeback } 屆滿：{ $dispute_window_note }。
}
deadline-notice-note = { $deadline_psd2_notice_passed ->
    [yes] 就這筆交易而言，通知銀行的法定限期（{ $psr_months }個月）已於 { $deadline_psd2_notice } 屆滿。銀行仍可能按信用卡組織的規則或其本身的政策提供協助：請以書面形式查詢。
   *[no] 就這筆交易而言，通知銀行的法定限期於 { $deadline_psd2_notice } 屆滿。不要等到那時才通知。
}
regulator-handoff-note = 我亦已把你的個案轉交客服職員，他們會在這裏聯絡你。在此期間，請按以下步驟進行。

letter-card-charge = （我的卡實際扣款：{ $card_amount }）

btn-error-refund-missing = 商戶答應咗嘅退款一直未到
btn-online = 我係網上買嘅，唔係喺舖頭碌卡
refund-missing-advice =
    商戶做咗退款之後，啲錢一般喺 { $refund_days } 個工作天內退返你張卡。
    • 問商戶攞退款單或者退款編號：可以證明退款已經做咗，銀行亦可以憑佢查。
    • 如果商戶根本冇做，或者已經超咗時間，你嘅發卡銀行可以用「退款未處理」就呢筆交易提出爭議。
summary-online =
    摘要 —— 個案 { $case_id }
    網上購物：呢個助手係為喺舖頭卡機碌卡嘅交易而設，佢嘅步驟同期限未必適用。
    下一步：
    1. 先用書面聯絡賣家，保留訂單編號同所有對話紀錄。
    2. 如果係用卡俾錢而賣家唔處理，你嘅發卡銀行可以就呢筆交易提出爭議：請打卡背面嘅電話。
    3. 如果係用電子錢包 App 俾錢，請喺 App 入面就呢筆交易投訴。
amount-unknown = 唔緊要。銀碼可以喺銀行 App、扣賬短訊或者收據度搵到。之後核對資料嗰陣可以再補返。
txn-time-unknown = 唔緊要。寫日期就夠；如果要準確時間，銀行 App 查得到。
card-last4-unknown = 唔緊要。手機錢包（Apple Pay、Google Pay 等）顯示嘅係另一個號碼，掃 QR 碼俾錢就冇卡號：銀行可以根據日期、銀碼同商戶搵到呢筆交易。
