## swipefix — 決策樹文字（flows/*.toml）。
## 每個鍵在所有語言中都存在，佔位符相同。
## 號碼、天數、熱線和監管機構名稱來自 flows/jurisdictions/*.toml，以佔位符傳入。

## 步驟名稱（/status 顯示）

title-welcome = 開始
title-role = 您的身分
title-scam = 防詐騙提醒
title-human = 等待真人客服
title-safety = 安全確認
title-error-type = 出了什麼問題
title-freeze = 凍結卡片
title-stop = 先停下，保留證據
title-details = 交易資訊
title-intent = 是否涉嫌詐騙
title-police = 報警
title-timing = 取消、刷退還是沖正
title-evidence = 證據
title-waiting-reversal = 等待自動沖正
title-merchant = 聯絡商家
title-waiting-refund = 等待退款
title-bank = 聯絡銀行
title-application = 書面申請
title-card-region = 適用規則
title-waiting-bank = 等待銀行答覆
title-escalation = 申訴
title-monitor = 留意帳戶
title-summary = 總結
title-m-error = 出了什麼問題（商家）
title-m-check = 核對紀錄
title-m-fix = 處理這筆交易
title-m-prevention = 預防

## 案件結果（final = "..."）和已完成的步驟（done = "..."），/status 顯示

outcome-resolved = 已解決
outcome-escalated = 已進一步申訴，由客服團隊跟進
step-stopped = 已停下：不再重刷，卡片已保管或凍結
step-evidence_listed = 已列出證據
step-contacted_merchant = 已聯絡商家
step-called_bank = 已致電銀行
step-application_written = 已準備書面申請
step-escalated = 已進一步申訴

## 歡迎和身分

welcome =
    您好，我是 swipefix。在商家刷卡機上刷卡出了問題，我來幫您：
    • 被扣了兩次
    • 金額不對
    • 顯示「交易失敗」但錢被扣了
    • 付錯了商家
    • 刷卡機故障
    • 有一筆不明扣款
    我會一步一步陪您處理。操作刷卡機的商家也可以用我。
    任何時候：輸入 /human 轉接真人客服；如果有人正在催促您操作，輸入 /scam。
welcome-privacy =
    安全第一。我絕不會向您索取完整卡號、CVV（卡片背面的3位數字）、密碼或簡訊驗證碼，最多只問卡號末4碼。
    向您要這些資料的人，都不是在幫您。
ask-jurisdiction = 您的卡是在哪裡發行的？（請依發卡銀行所在的國家或地區選擇，不論是銀聯、Visa 還是萬事達卡……如果您是商家：請選擇店家所在地。）
btn-jurisdiction-cn = 中國大陸
btn-jurisdiction-hk = 香港
btn-jurisdiction-mo = 澳門
btn-jurisdiction-tw = 台灣
btn-jurisdiction-sg = 新加坡
btn-jurisdiction-uk = 英國
btn-jurisdiction-eu = 歐盟 / 歐洲經濟區
btn-jurisdiction-us = 美國
btn-jurisdiction-other = 其他地方
ask-us-card-kind = 這是信用卡還是簽帳金融卡？美國法律對兩者的保障不同。
btn-us-credit = 信用卡
btn-us-debit = 簽帳金融卡
ask-zone = 您在哪個時區？「今天」和所有期限都按這個時區計算。
btn-zone-us-eastern = 東部時間（紐約）
btn-zone-us-central = 中部時間（芝加哥）
btn-zone-us-mountain = 山區時間（丹佛）
btn-zone-us-arizona = 亞利桑那（鳳凰城）
btn-zone-us-pacific = 太平洋時間（洛杉磯）
btn-zone-us-alaska = 阿拉斯加（安克拉治）
btn-zone-us-hawaii = 夏威夷（檀香山）
btn-zone-eu-western = 西歐（里斯本、都柏林）
btn-zone-eu-central = 中歐（柏林、巴黎、羅馬、馬德里）
btn-zone-eu-eastern = 東歐（赫爾辛基、雅典、布加勒斯特）
ask-role = 在這筆交易裡您是？
btn-cardholder = 我是刷卡付款的人
btn-merchant = 我是商家 / 操作刷卡機的人

## 防詐騙（中斷和安全確認）

scam-warning =
    請停一下——這可能是詐騙。
    • 有人正在電話或聊天裡自稱銀行、「客服」、平台或警察，說要給您退款？馬上掛斷電話。
    • 自己回撥銀行，只用卡片背面印著的電話。
    • 絕不提供簡訊驗證碼、密碼、CVV，絕不分享螢幕。不點對方傳來的連結，不安裝對方要您裝的 App 或軟體。
    • 絕不把錢轉到「安全帳戶」，也絕不為了「驗證帳戶」去貸款。
    • 「多退了錢給您，請把差額轉回來」是騙局。收費「幫您追回損失」的也是騙局。
    • 網路上搜尋到的電話可能是假的。只用卡上印著的號碼或本機器人提供的號碼。
scam-if-shared = 已經提供過驗證碼、密碼或卡片資訊，或者錢已經被扣了？請馬上凍結卡片：點下面的按鈕。
ask-scam-next = 您接下來想怎麼做？
btn-resume = 回到剛才的步驟
btn-freeze-card = 凍結卡片 / 通報不明扣款
ask-safety-gate = 先做一個安全確認：現在是否有人正在電話或聊天裡，自稱銀行、客服、平台或警察，說要給您退款？
ask-scam-live = 您掛斷電話了嗎？有沒有提供過驗證碼、密碼、卡片資訊，或分享過螢幕？
btn-hung-up = 已掛斷電話，什麼都沒提供
btn-shared-details = 提供過資訊 / 錢已被扣

## 轉接真人客服（中斷）

human-handoff = 我已把您的案件轉給客服團隊。工作人員會在這個對話裡回覆您。
human-meanwhile =
    您的案件編號：{ $case_id }
    等待期間：
    • 不要重複刷卡，保管好卡片。
    • 有不明扣款，或者提供過驗證碼、密碼？請馬上凍結卡片：撥打卡片背面印著的電話。
    • 保留簽帳單、銀行簡訊和截圖。
    • 我們的工作人員絕不會索取完整卡號、密碼、CVV 或簡訊驗證碼。
ask-human-next = 等待期間，您也可以繼續跟我往下走。

## 出了什麼問題

ask-error-type = 出了什麼問題？
btn-failed-deducted = 顯示「失敗」但錢被扣了
btn-double = 被扣了兩次
btn-wrong-amount = 金額不對
btn-wrong-merchant = 付錯了商家或帳戶
btn-terminal-fault = 刷卡機當機或顯示錯誤
btn-unrecognised = 有一筆不明扣款
btn-qr-wallet = 我是用 QR Code 或電子錢包付款的（微信支付、支付寶、FPS 轉數快、PayNow……）
ask-fault-money-taken = 您的帳戶有沒有被扣錢（收到銀行簡訊，或在行動銀行 App 裡看得到這筆付款）？
summary-fault-no-money =
    總結 — 案件 { $case_id }
    刷卡機故障，但沒有扣到錢：沒有需要爭議的交易。
    接下來：
    1. 告訴商家刷卡機故障了，請他們通報刷卡機的服務商。
    2. 如果有簽帳單或錯誤畫面的照片，請保留好。
    3. 接下來幾天留意銀行簡訊和帳單。如果之後還是出現扣款，輸入 /start，選擇「顯示『失敗』但錢被扣了」。
wallet-advice =
    用 QR Code 或電子錢包付款（微信支付、支付寶、FPS 轉數快、PayNow、八達通……）不是刷卡交易：我說明的卡片規則和期限並不適用。請這樣做：
    1. 和刷卡付款一樣，先找商家：退款會依您原本的付款方式退回。
    2. 在電子錢包的 App 裡申訴：到「幫助」或「申訴」頁面，針對這筆付款提出申訴，並保留受理號碼。
    3. 如果電子錢包是從您的卡片或銀行帳戶扣款，而它不肯幫忙，也要告訴那家銀行。
    4. 有人要您掃碼或轉帳來「解決」問題？那是詐騙：馬上停下來，並報警。
wallet-hk = 在香港，電子錢包和八達通屬於儲值支付工具：請先向錢包公司申訴。如果沒有解決，可以撥打香港金融管理局（金管局）的查詢專線{ $svf_line }。如遇詐騙，香港警方反詐騙協調中心的「防騙易」熱線是{ $fraud_line }。
wallet-cn = 在中國大陸，請先向支付 App 申訴。如果沒有解決，{ $pboc_name }受理支付方面的申訴：{ $pboc_line }。如遇詐騙，請報警：{ $police_line }。
summary-wallet =
    總結 — 案件 { $case_id }
    用 QR Code 或電子錢包付款：先走電子錢包自己的申訴管道。
    接下來：
    1. 商家：請商家依原本的付款方式退款。
    2. 電子錢包 App：針對這筆付款提出申訴，並保留受理號碼。
    3. 如果錢是從您的卡片或帳戶扣的，請聯絡您的銀行。
    4. 保留付款畫面和所有對話的截圖。
    如果您也有刷卡付款，請輸入 /start。

## 立即凍結卡片

freeze-now =
    請先做這件事：
    1. 凍結卡片或掛失。撥打{ $bank_hotline }。如果行動銀行 App 有「凍結」或「掛失」功能，也可以用。
    2. 告訴銀行哪一筆扣款不是您本人消費的，或者您提供過什麼（驗證碼、密碼或卡片資料）。
    3. 請銀行提供受理號碼，連同日期和時間記下來。
    如果有人為這件事打電話給您，掛斷電話，自己打給銀行。
freeze-cn-proof =
    在中國大陸，另外兩件事很有幫助：
    • 掛失後馬上到最近的 ATM 或銀行櫃檯用這張卡做一筆交易（比如查詢餘額）。這筆紀錄有助於證明卡一直在您身邊（人卡未分離）。
    • 報警（{ $police_line }），把報案回執帶給銀行。
ask-money-taken = 凍結之後：錢已經被扣了嗎？
btn-money-taken = 是的，錢被扣了
btn-taken-none = 還沒有被扣錢
summary-no-loss =
    總結 — 案件 { $case_id }
    您的卡已凍結，沒有被扣錢。
    接下來：
    1. 向銀行申請補發新卡。
    2. 接下來幾週留意銀行簡訊和帳單，有異常立刻告訴銀行。
    3. 如果提供過驗證碼、密碼或卡片資訊，告訴銀行，並報警。
    4. 真正的銀行不會打電話來「幫您退款」。掛斷電話，撥打卡背面的電話。

## 先停下，再填交易資訊

stop-advice =
    先停下：
    1. 在弄清楚之前，不要再付款，也不要在那臺刷卡機上重刷。大多數重複扣款就是重刷造成的。
    2. 保管好您的卡片。
    3. 保留一切：簽帳單或收據、銀行簡訊、截圖。
    4. 不要用現金或轉帳給任何人補「差額」。
stop-advice-unrecognised =
    先把一切保留好：
    1. 保留關於這筆扣款的銀行簡訊、行動銀行 App 截圖，以及凍結或掛失時拿到的受理號碼。
    2. 絕不要付錢給承諾「收費幫您追回」的人，絕不把錢轉到「安全帳戶」。
    3. 有人為這筆扣款打電話給您，掛斷電話，自己撥打卡片背面印著的電話聯絡銀行。
details-intro = 接下來是關於這筆交易的幾個簡短問題。您的回答會用在給銀行的書面申請裡。
ask-amount = 被扣了多少錢？如果被扣了兩次，請填一次的金額。例如：128.50
ask-txn-time = 什麼時候付的款？請依簽帳單或銀行簡訊填寫日期和時間。例如：昨天 14:30，或 5月18日 14:30
ask-card-last4 =
    卡號末4碼。只要這4碼，絕不要傳送完整卡號。例如：1234
    用手機或手錶付款（Apple Pay、Google Pay、Samsung Pay……）？簽帳單上顯示的會是手機專用的虛擬卡號，末4碼和實體卡不同。沒關係：請填簽帳單或銀行簡訊上的末4碼。
dcc-explain =
    您輸入的是{ $amount }，但您卡片的結算幣別是 { $currency }：這是一筆外幣交易。
    • 如果刷卡機讓您選擇用您本國的貨幣、而不是當地貨幣付款，這就是「動態貨幣轉換」（DCC）：匯率由商家的服務商決定，通常不划算。商家應該先徵求您同意，並讓您看到匯率。如果沒有，請告訴銀行：這可以作為提出爭議的理由。
    • 兩個金額我都會記下來：刷卡機上顯示的金額，以及您的卡片實際被扣的金額。
ask-card-amount = 您的卡片實際被扣了多少錢？請填銀行簡訊或 App 上顯示的金額（以卡片的結算幣別計）。如果還沒顯示，請再輸入一次簽帳單上的金額。
ask-merchant-name = 收款商家的名稱，請依簽帳單或銀行簡訊上的寫法填寫（或您知道的名稱）。
ask-expected-amount = 正確的金額應該是多少？
same-amount = 扣款金額和正確金額您都填了{ $amount }，那就不是金額不對。請核對簽帳單或銀行簡訊：正確的金額應該是多少？
ask-amount-direction = 您兩次填的金額一樣，我無法判斷哪裡出了問題。是扣多了還是扣少了？
btn-too-much = 扣多了
btn-too-little = 扣少了
summary-undercharged =
    總結 — 案件 { $case_id }
    在{ $merchant_name }被扣了{ $amount }，應付{ $expected_amount }，比實際價格少。您的錢沒有風險。
    接下來：
    1. 您現在不需要做什麼。
    2. 商家可能會請您補差額。差額是您應付的，但只補準確的差額；商家要再次刷您的卡，須經您同意。
    3. 補差額時在店裡重新刷一筆卡並拿簽帳單。絕不轉帳到個人帳戶。
    4. 如果有人打電話自稱商家或銀行向您要錢，掛斷電話，自己聯絡商家核實。
    5. 保留簽帳單，留意帳單上有沒有第二次扣款。

## 是否報警

ask-intent = 這是一筆較大的金額。有沒有跡象顯示是故意的？例如：卡片離開過您的視線、商家拒絕溝通，或者商家好像已經不見了。
police-cn =
    這件事除了找銀行，也應該報警。
    1. 確認卡片已凍結或掛失，尤其是卡片離開過您的視線時：撥打{ $bank_hotline }。
    2. 報警：撥打{ $police_line }或去派出所。帶上銀行簡訊和顯示在{ $merchant_name }扣款{ $amount }的帳單或交易明細，有簽帳單也帶上。
    3. 索取報案回執，銀行會需要影本。
    4. 反詐騙預警專線是{ $fraud_line }。
    我也已為客服團隊標記了您的案件。現在我們先整理證據。
police-intl =
    如果這是詐騙（不是您本人的消費、卡被複製，或被故意多扣）：
    1. 確認卡已經凍結。
    2. 向當地警方報案，保留報案證明，銀行可能會要。
    我也已為客服團隊標記了您的案件。現在我們先整理證據。
police-hk =
    如果這是詐騙（不是您本人的消費、卡被複製，或被故意多扣）：
    1. 確認卡已經凍結。
    2. 到警署報案，或透過香港警方的「網上報案中心」報案，並保留報案編號。緊急情況請撥打{ $police_line }。
    3. 香港警方反詐騙協調中心的「防騙易」熱線{ $fraud_line }全天候提供諮詢，但不受理報案。
    我也已為客服團隊標記了您的案件。現在我們先整理證據。
police-tw =
    如果這是詐騙（不是您本人的消費、卡被複製，或被故意多扣）：
    1. 確認卡已經凍結。
    2. 報警：撥打{ $police_line }，或到派出所報案。保留報案證明（三聯單）：銀行可能會要。
    3. 反詐騙諮詢專線{ $fraud_line }提供免費諮詢。
    我也已為客服團隊標記了您的案件。現在我們先整理證據。
police-sg =
    如果這是詐騙（不是您本人的消費、卡被複製，或被故意多扣）：
    1. 確認卡已經凍結。
    2. 在網路上或撥打警方熱線{ $police_hotline }報案；緊急情況請撥打{ $police_line }。保留報案編號。
    3. ScamShield 熱線{ $fraud_line }可以幫您確認是不是詐騙，並引導您聯絡銀行；但它不能受理報案。
    我也已為客服團隊標記了您的案件。現在我們先整理證據。
police-uk =
    如果這是詐騙（不是您本人的消費、卡被複製，或被故意多扣）：
    1. 確認卡已經凍結。撥打{ $bank_connect_line }可以安全地轉接到您的銀行。
    2. 向 Report Fraud 報案：網站 { $fraud_web }，電話 { $fraud_line }（英格蘭、威爾斯和北愛爾蘭）。在蘇格蘭，請撥打蘇格蘭警察（Police Scotland）的電話{ $police_non_emergency }。
    3. 緊急情況請撥打{ $police_line }。每一個報案編號都要保留。
    我也已為客服團隊標記了您的案件。現在我們先整理證據。
police-us =
    如果這是詐騙（不是您本人的消費、卡被複製，或被故意多扣）：
    1. 確認卡已經凍結。
    2. 如果有金錢損失，撥打當地警察局的非緊急電話報案（緊急情況撥打{ $police_line }），並保留報案編號。
    3. 在 { $fraud_web } 向美國聯邦貿易委員會（FTC）檢舉詐騙。如果卡片資料被盜，也要到 { $identity_web } 通報。
    我也已為客服團隊標記了您的案件。現在我們先整理證據。
police-eu =
    如果這是詐騙（不是您本人的消費、卡被複製，或被故意多扣）：
    1. 確認卡已經凍結。
    2. 向當地警方報案，保留報案編號；緊急情況請撥打{ $police_line }（所有歐盟國家通用）。
    我也已為客服團隊標記了您的案件。現在我們先整理證據。

## 時間：取消、刷退還是沖正

ask-double-failed = 兩次刷卡中，刷卡機是否顯示其中一次失敗（顯示錯誤，或沒出簽帳單）？
btn-double-failed-first = 是，有一次顯示「失敗」
btn-double-both-ok = 沒有，兩次都成功了
void-advice =
    這筆交易是今天刷的，所以最快的辦法是取消。
    • 取消只能在{ $void_cutoff }做。{ $merchant_name }在刷卡機上取消這筆錯誤交易，全部金額會馬上或幾分鐘內退回。
    • { $error_type ->
        [double] 請他們只取消第二筆、重複的那一筆，並給您取消單。
        [wrong_amount] 請他們取消金額錯誤的那一筆並給您取消單，然後按正確金額重新刷一筆，並給您新的簽帳單。
       *[other] 請他們只取消錯誤的那一筆，並給您取消單。
      }
    • 如果他們已經結帳，就改為刷退。
    • 不要接受用現金「解決」。
refund-advice =
    這筆交易是在 { $txn_time } 刷的，不是今天：已經無法取消，所以商家要改為刷退。
    • 錢退回原本刷的那張卡，絕不退現金。
    • { $error_type ->
        [double] 只退第二筆、重複的那一筆。
        [wrong_amount] 只需刷退多扣的部分（部分刷退）。
       *[other] 要求全額退回。
      }
    • 一般{ $refund_days }個工作日入帳。
    • 索取刷退單或書面確認。
reversal-advice =
    刷卡機顯示「失敗」但扣了錢，通常會自動解決：刷卡機在下一筆連線交易時會自動傳送沖正。
    • 錢一般在{ $reversal_wait_days }個工作日內退回。
    • 可以請商家在刷卡機上查一下這筆交易到底成功沒有。
    • 如果到時還沒退回，由發卡銀行來查詢。我會幫您做這一步。

## 證據

evidence-list =
    以下都要保留，需要提交時給影本，絕不交正本：
    • 簽帳單或收據
    • 銀行簡訊
    • 行動銀行 App 截圖或交易明細
    • 訂單或和商家的聊天紀錄
    • 每次通話的紀錄：日期、時間、和誰通的話
    在 Telegram 裡，您也可以直接在這裡傳送它們的照片，我會保存在您的案件裡。
evidence-bank-query =
    銀行查詢這筆交易需要：
    • 末4碼為 { $card_last4 } 的卡（銀行有完整卡號，不要傳給任何人）
    • 日期和時間：{ $txn_time }
    • 金額：{ $amount }
    • 商家：{ $merchant_name }
    • 端末機代號和交易序號（如果簽帳單上有）
evidence-list-unrecognised =
    以下都要保留，需要提交時給影本，絕不交正本：
    • 關於這筆扣款的銀行簡訊
    • 行動銀行 App 截圖或交易明細
    • 凍結或掛失時拿到的受理號碼
    • 報案證明（如果已報案）
    • 每次通話的紀錄：日期、時間、和誰通的話
    在 Telegram 裡，您也可以直接在這裡傳送它們的照片，我會保存在您的案件裡。
ask-evidence = 您有簽帳單或收據嗎？
btn-evidence-ok = 有，已經保存好
btn-slip-missing = 沒有簽帳單 / 丟了
no-slip-tip =
    沒關係，照樣可以繼續：
    • 銀行簡訊、行動銀行 App 截圖或交易明細都能證明這筆交易。
    • 請商家從刷卡機紀錄裡給您一份影本。
    • 趁還記得，寫下時間、地點、買了什麼、誰接待的您。

## 等待自動沖正

ask-reversal-back = 錢退回到您的帳戶了嗎？如果現在還說不準，點「過幾天再問我」：我會回來問您。
btn-money-back = 是的，已經退回
btn-money-not-back = 已過等待時間，還沒退回

## 商家

merchant-contact =
    接下來，聯絡{ $merchant_name }：打電話、去店裡，或者透過您用的 App 或平台。
    請他們：
    1. 依上面說明取消交易或刷退，
    2. 退回原本刷的那張卡，絕不退現金，
    3. 給您取消單、刷退單或書面確認。
    記下日期、時間和接待您的人。
ask-merchant-agrees = 商家怎麼說？
btn-merchant-agreed = 同意取消或刷退
btn-merchant-cash = 他們要退現金
btn-merchant-refused = 他們拒絕了
btn-merchant-unreachable = 聯絡不上
cash-offer =
    請不要接受用現金退刷卡的錢。這不會取消刷卡交易，您手裡也沒有任何紀錄。
    請他們在刷卡機上刷退到同一張卡。如果他們還是不肯，請選「他們拒絕了」。
ask-merchant-agrees-after-cash = 那麼，商家最後怎麼說？
merchant-refund =
    很好。請確認：
    • 錢退回原本刷的那張卡，不退現金；
    • 拿到取消單、刷退單，或寫明金額和日期的書面確認。
    取消交易馬上或幾分鐘內就會退回。刷退一般{ $refund_days }個工作日入帳。錢入帳前請保留好單據。
ask-refund-arrived = 錢入帳了嗎？如果時間還沒到，過幾天再回來就行：您的案件會一直停在這個問題上。
btn-refund-arrived = 是的，已經入帳
btn-refund-missing = 時間到了還沒入帳
dispute-intro = 沒關係：不需要商家同意。您的發卡銀行可以對這筆交易提出爭議。下一步：打電話給銀行，然後提交書面申請。申請書我來幫您寫。

## 銀行

bank-call =
    打電話給銀行：{ $bank_hotline }。只用這個號碼，不用網路上搜尋到的或別人給的號碼。
    告訴對方：
    • { $error_type ->
        [failed_deducted] 「一筆刷卡交易顯示失敗，但錢被扣了，我要求退回」，
        [unrecognised] 「有一筆刷卡交易不是我本人做的，我要提出爭議」，
       *[other] 「我要對一筆刷卡交易提出爭議」，
      }
    • 卡號末4碼、日期、時間、金額和商家，
    • 哪裡不對，以及您要求退款。
    請對方提供受理號碼，並問清楚書面申請怎麼提交。
    { $network_contact }
call-log = 每次通話都記下：日期、時間、客服姓名或員工編號、受理號碼。把這份紀錄和證據放在一起。
ask-bank-called = 打完電話後點一下。
btn-bank-called = 已經打給銀行
btn-bank-unreachable = 打不通
bank-called = 做得好。只打電話還不夠：銀行必須答覆的是書面申請。我們來寫。
bank-unreachable = 沒關係，照樣可以繼續。銀行必須答覆的是書面申請，不打電話也可以先提交。請繼續撥打卡片背面印著的電話，每次嘗試都記下日期和時間。

## 書面申請

application-intro = 這是您的書面申請（案件 { $case_id }）。核對無誤後簽名，連同證據影本一起交給銀行。我也把它做成了檔案，方便列印。
application-letter =
    書面申請：刷卡交易爭議
    姓名：{ $holder_name }
    卡號末4碼：{ $card_last4 }
    交易：{ $txn_time }，{ $amount }{ $card_charge }，{ $merchant_name }
    端末機代號和交易序號（簽帳單上有的話）：____________
    問題：{ $error_type ->
        [failed_deducted] 刷卡機顯示交易失敗，但款項已從我的帳戶扣除。
        [double] 同一筆消費被扣款兩次，第二筆為重複扣款。
        [wrong_merchant] 款項誤付給了錯誤的商家或帳戶。
        [terminal_fault] 交易過程中刷卡機發生故障，款項被錯誤扣除。
        [unrecognised] 這筆交易不是我本人所為，也未經我授權。我已於____________掛失該卡。
       *[other] 這筆交易處理有誤。
    }
    爭議金額：{ $amount }
    申請事項：將{ $amount }沖正或退回到此卡。
    附件（影本）：{ $error_type ->
        [unrecognised] 銀行簡訊或交易明細；凍結或掛失的受理號碼；報案證明（如有）；通話紀錄。
       *[other] 簽帳單或收據；銀行簡訊或交易明細；訂單或聊天紀錄；通話紀錄。
    }
    日期：{ $today }
    簽名：____________
application-letter-wrong-amount =
    書面申請：刷卡交易爭議
    姓名：{ $holder_name }
    卡號末4碼：{ $card_last4 }
    交易：{ $txn_time }，{ $amount }{ $card_charge }，{ $merchant_name }
    端末機代號和交易序號（簽帳單上有的話）：____________
    問題：實際扣款{ $amount }，正確金額應為{ $expected_amount }。
    爭議金額：{ $difference }（{ $amount }與{ $expected_amount }之間的差額）
    申請事項：將{ $difference }退回到此卡。
    附件（影本）：簽帳單或收據；銀行簡訊或交易明細；訂單或聊天紀錄；通話紀錄。
    日期：{ $today }
    簽名：____________
review-facts =
    寫申請之前，請核對一下資料。銀行以申請上寫的為準。
    • 金額：{ $amount }
    • 日期和時間：{ $txn_time }
    • 卡號末4碼：{ $card_last4 }
    • 商家：{ $merchant_name }
    • 您的姓名：{ $holder_name }
review-facts-wrong-amount =
    寫申請之前，請核對一下資料。銀行以申請上寫的為準。
    • 實際扣款：{ $amount }
    • 正確金額：{ $expected_amount }
    • 日期和時間：{ $txn_time }
    • 卡號末4碼：{ $card_last4 }
    • 商家：{ $merchant_name }
    • 您的姓名：{ $holder_name }
ask-review = 都對嗎？點要修改的項目，或點「全部正確」。姓名可以不填：不填的話，申請上會留出空白讓您手寫。
btn-review-correct = 全部正確，開始寫
btn-fix-amount = 修改金額
btn-fix-expected = 修改正確金額
btn-fix-time = 修改日期和時間
btn-fix-last4 = 修改卡號末4碼
btn-fix-merchant = 修改商家
btn-add-name = 填寫或修改姓名
ask-holder-name = 請輸入您在銀行登記的姓名，用於申請書。只要姓名，不要卡號、身分證字號或密碼。
send-cn =
    怎麼提交：
    1. 交到發卡銀行的分行，或按銀行電話裡告訴您的方式提交。自己留一份。
    2. 附上證據影本，絕不交正本。
    3. 索取簽收日期或受理號碼。
    銀行須在{ $bank_complaint_days }日內答覆申訴。{ $bank_extension }（{ $complaint_rule }）。
send-us-credit =
    美國信用卡（《公平信用結帳法》Fair Credit Billing Act）：
    1. 把申請以書面形式寄到帳單上寫的「帳單查詢」（billing inquiries）地址（不是繳款地址），期限是第一份顯示這筆錯誤的帳單寄出後{ $fcba_notice_days }天內。
    2. 姓名和帳戶號碼請您自己寫在信上。絕不要把完整卡號傳給我或任何打電話給您的人。
    3. 只打電話不能保護您的權利。保留影本和寄件證明。
    發卡機構須在{ $fcba_ack_days }天內確認收到，並在{ $fcba_resolve_cycles }個帳單週期內（最多{ $fcba_resolve_days }天）處理完畢。
send-us-debit =
    美國簽帳金融卡（E 條例 Regulation E）：
    1. 在第一份顯示這筆錯誤的帳單之後{ $rege_report_days }天內向銀行報告。同時也書面報告，並留影本。
    2. 銀行須在{ $rege_investigate_days }個工作日內調查完，或者先給您臨時入帳再延長調查：最多{ $rege_max_days }天，像這樣在商家刷卡機上的交易最多{ $rege_pos_days }天。
send-uk =
    英國的卡：
    1. 馬上寄出申請，並及時通知銀行，不得無故拖延：通知銀行的法定期限是扣款後{ $psr_months }個月（《2017年支付服務條例》第74條）。
    2. 請銀行依國際信用卡組織規則提出爭議帳款處理（chargeback）。
    { $error_type ->
        [unrecognised] 3. 未經您授權的交易，銀行須在得知後的下個工作日結束前退款（第76條），除非銀行有合理理由懷疑您涉及詐欺。卡片遺失或被竊時，您最多負擔{ $liability_cap }（第77條）；通知銀行之後發生的盜刷，您不必負擔。
       *[other] 3. 保留申請書影本和寄件證明。
    }
send-uk-s75 = 英國信用卡，且單件商品價格超過{ $s75_min }、不超過{ $s75_max }：還可以依據《消費信貸法》第75條（Section 75）向發卡機構索賠。
send-eu =
    歐盟 / 歐洲經濟區的卡：
    1. 馬上寄出申請，並及時通知銀行，不得無故拖延：通知銀行的法定期限是扣款後{ $psr_months }個月（PSD2 第71條）。
    2. 請銀行依國際信用卡組織規則提出爭議帳款處理（chargeback）。
    3. 銀行須在{ $bank_reply_days }個工作日內對申訴提供最終答覆（只有先提供暫時答覆，才能延長）。
    { $error_type ->
        [unrecognised] 4. 未經您授權的交易，銀行須在得知後的下個工作日結束前退款（PSD2 第73條），除非銀行懷疑您涉及詐欺，並已向主管機關通報。卡片遺失或被竊時，您最多負擔{ $liability_cap }（第74條）。
       *[other] 4. 保留申請書影本和寄件證明。
    }
send-hk =
    香港的卡：
    1. 馬上把申請寄給銀行。銀行一般要求在帳單結帳日後{ $bank_report_days }天內通報有爭議或未經授權的交易，所以不要等帳單寄來。
    2. 請銀行依國際信用卡組織（Visa、萬事達卡或銀聯）規則提出爭議帳款處理（chargeback），並請銀行提供受理號碼。每筆爭議交易只能選一個理由：請選最符合的那一個。
    3. 保留影本和寄件證明。如果銀行在{ $fdrc_wait_days }天內沒有提供最終書面答覆，您可以向金融糾紛調解中心申請（見下文）。
send-tw =
    台灣的卡：
    1. 打電話給銀行客服，提出爭議帳款，請銀行調查；也要寄出書面申請，並自己留一份影本。
    2. 請銀行依國際信用卡組織規則提出爭議帳款處理（chargeback）。銀行調查期間，您也可以要求暫緩繳付這筆爭議款項。
    3. 銀行須在{ $bank_reply_days }天內處理您的申訴（《金融消費者保護法》）。
send-sg =
    新加坡的卡：
    1. 馬上把申請寄給銀行，並自己留一份影本：必須先讓銀行有機會處理。
    2. 請銀行依國際信用卡組織規則提出爭議帳款處理（chargeback），並請銀行提供受理號碼。
    3. 如果{ $fidrec_wait_days }天後仍未解決，您可以向 FIDReC（新加坡金融業糾紛調解中心）申請（見下文）。
send-other =
    您的卡：
    1. 儘快把申請寄給銀行。保留影本和寄件證明。
    2. 請銀行依國際信用卡組織（Visa、萬事達卡、銀聯……）規則提出爭議帳款處理（chargeback），並問清楚銀行要在多久之內答覆您。
    3. 銀行的申訴頁面會寫明下一步可以找哪個監管機關或評議機構：請記下來。
ask-bank-answer = 銀行答覆後，或者期限過了，再回來。結果怎麼樣？
btn-bank-fixed = 銀行把錢退回來了
btn-bank-refused = 銀行拒絕了
btn-bank-silent = 到期沒有答覆

## 申訴升級

escalate-cn =
    如果銀行拒絕，或者超過期限沒有答覆，可以進一步申訴。請準備好書面申請、銀行的答覆（如果有）和通話紀錄。
    • { $pboc_line } — { $pboc_name }：支付結算方面的申訴，比如刷卡交易。受理時間：{ $pboc_hours }。須先向銀行申訴。
    • { $nfra_line } — { $nfra_name }：對銀行的申訴。
    • { $market_line } — { $market_name }：與商家本身的糾紛。
escalate-cn-law = 對商家，中國大陸《消費者權益保護法》第三十九條給了您這些途徑：與商家協商和解；請消費者協會調解；向有關行政部門投訴；根據與商家達成的仲裁協議申請仲裁；向人民法院起訴。
escalate-cn-police = 有故意的跡象（詐騙、故意重複扣款、盜刷複製卡）？請報警：{ $police_line }。反詐騙預警專線：{ $fraud_line }。
unjust-enrichment =
    付錯了收款方，對方不肯退？沒有法律根據取得他人款項屬於不當得利（中國大陸《民法典》第一百二十二條、第九百八十五條）。
    • 您可以向法院提起民事訴訟。
    • 起訴前就可以申請法院凍結對方財產（訴前財產保全）。
    • 保留銀行出具的、證明款項已到對方帳戶的紀錄。
escalate-uk =
    如果銀行拒絕或者不答覆：
    1. 要求銀行以書面提供最終答覆。
    2. 然後可以向金融申訴專員服務（Financial Ombudsman Service，{ $fos_line }）申訴。支付類申訴，銀行有{ $fos_reply_days }個工作日提供最終答覆（其他申訴為{ $fos_other_weeks }週）。超過期限，即使沒有答覆也可以去申訴。
    3. 須在銀行最終答覆後{ $fos_months }個月內提出。
    4. 英國信用卡，且單件商品價格超過{ $s75_min }、不超過{ $s75_max }？同時依據《消費信貸法》第75條（Section 75）索賠。
escalate-intl =
    如果銀行拒絕，或者沒有按時答覆：
    1. 要求銀行以書面提供最終答覆，並問清楚下一步可以向哪裡申訴。
    2. 如果還沒有提出，請銀行依國際信用卡組織規則提出爭議帳款處理（chargeback）（一般在交易後{ $dispute_window_days }天內）。
    3. 接著帶著寄出和收到的所有文件影本，向銀行申訴頁面上寫明的金融監管機關或評議機構申訴。
escalate-us =
    美國的卡：
    • 以書面提醒銀行上面說過的期限（《公平信用結帳法》或 E 條例）。
    • 接著可以向美國消費者金融保護局（CFPB）申訴：網站 { $cfpb_web }，電話 { $cfpb_line }。被申訴的公司須在{ $cfpb_reply_days }天內回應。
escalate-hk =
    如果銀行拒絕，或在{ $fdrc_wait_days }天內沒有提供最終書面答覆：
    1. 金融糾紛調解中心（FDRC，{ $fdrc_line }）：先調解，再仲裁，受理求償金額不超過{ $fdrc_limit }的案件，須在您首次得知損失後{ $fdrc_months }個月內申請。您必須先以書面向銀行申訴過。
    2. 向香港金融管理局（金管局）申訴銀行：網站 { $hkma_web }，電話 { $hkma_line }。金管局無法命令銀行賠償您：要求賠償，請找金融糾紛調解中心。
escalate-tw =
    如果銀行拒絕，或在{ $bank_reply_days }天內沒有處理：
    1. 在收到銀行處理結果後、或銀行處理期限屆滿後{ $foi_apply_days }天內，向金融消費評議中心（評議中心，免付費電話{ $foi_line }）申請評議。必須先向銀行申訴過，評議中心才會受理。
    2. 也可以撥打金融服務專線{ $finance_line }諮詢。
escalate-sg =
    如果{ $fidrec_wait_days }天後銀行仍未解決，或您不同意銀行的最終答覆：
    1. 在銀行最終答覆後{ $fidrec_months }個月內向 FIDReC（新加坡金融業糾紛調解中心）申請。調解免費；裁決收費{ $fidrec_fee }，適用於求償金額不超過{ $fidrec_limit }的案件。
    2. 正由警方調查中的案件，FIDReC 可能不會受理：如果您報過案，請告訴他們。
escalate-eu =
    如果銀行拒絕，或在{ $bank_reply_days }個工作日內沒有答覆：
    1. 要求銀行以書面提供最終答覆。
    2. 向銀行所在國處理銀行業申訴的訴訟外爭議處理機構（FIN-NET 成員）申訴。您本國的 FIN-NET 成員可以幫您轉交申訴。
ask-escalation-result = 有結果後再回來。問題解決了嗎？
btn-solved = 解決了，錢退回來了
btn-still-unsolved = 沒有，還沒解決

## 後續留意和總結

monitor-advice =
    接下來幾週請留意帳戶：
    • 確認退款或沖正真的入帳，而且金額正確。
    • 留意有沒有同樣金額的第二次扣款。
    • 退款有時會在之後被撤回。
    • 有任何異常，馬上打卡片背面的電話告訴銀行。
    在確定事情徹底結束之前，保留好證據和通話紀錄。
summary-resolved =
    總結 — 案件 { $case_id }
    在{ $merchant_name }的{ $amount }這筆扣款已經處理好。
    接下來：
    1. 核對入帳金額是否正確。
    2. 按上面說的，幾週內繼續留意帳單。
    3. 保留單據和紀錄。
    如有異常，輸入 /start 告訴我，或者輸入 /human。
summary-not-solved =
    總結 — 案件 { $case_id }
    在{ $merchant_name }的{ $amount }：還沒有解決。我已把您的案件轉給客服團隊，工作人員會查看並在這裡回覆您。
    您現在可以：
    1. 把所有證據、信件和通話紀錄放在一起。
    2. 按順序使用上面的申訴途徑。
    3. 絕不要付錢給承諾「收費幫您追回」的機構。
    4. 繼續留意帳戶，有異常馬上告訴銀行。

## 商家

m-intro =
    商家請先注意：
    • 在弄清楚之前不要重新刷這筆。大多數重複扣款是重刷造成的。
    • 刷卡交易絕不退現金。退現金不會取消刷卡交易，還會被視為「刷卡換現金」的違規行為。退款要在刷卡機上刷退到同一張卡。
    • 小心自稱被重複扣款、要求退現金差額的「顧客」。先核對紀錄，我會告訴您怎麼做。
ask-m-error = 發生了什麼？
btn-m-wrong-amount = 我輸錯了金額
btn-m-double = 我給顧客刷了兩次
btn-m-no-slip = 沒列印出簽帳單
btn-m-frozen = 刷卡機當機了
btn-m-claims-double = 顧客說被扣了兩次
ask-m-direction = 扣多了還是扣少了？
m-undercharged =
    您少扣了。只有顧客同意，才能補扣差額。
    • 先問顧客。顧客同意的話，重新刷一筆正好等於差額的交易，並給顧客簽帳單。
    • 顧客不同意或者已經離開，不要再刷這張卡。
    • 絕不要讓顧客把差額轉到個人帳戶。
m-check-batch =
    先核對，再做任何操作。查看刷卡機的最近交易和當天的批次（或收單機構——也就是提供刷卡機給您的銀行或公司——的紀錄）：
    • 有兩筆：顧客被扣了兩次。
    • 有一筆：交易成功了。給顧客補印簽帳單，不要再刷。
    • 沒有：交易沒有成功。
m-batch-once = 紀錄裡有一筆，表示交易已經成功，顧客只付了一次。在刷卡機上給顧客補印簽帳單，不要再刷這張卡。
ask-m-batch = 您看到的是？
btn-m-batch-twice = 有兩筆
btn-m-batch-once = 有一筆
btn-m-batch-missing = 沒有這筆
m-no-slip =
    沒出簽帳單，通常表示刷卡機沒有完成這筆交易。
    1. 不要為了拿簽帳單就重刷同一筆。先查刷卡機的最近交易。
    2. 如果沒有這筆，就正常做下一筆交易。這樣刷卡機會為失敗的那筆自動傳送沖正。
    3. 告知收單機構（提供刷卡機給您的銀行或公司）。
    4. 告訴顧客：如果錢被扣了，一般{ $reversal_wait_days }個工作日內會退回。把您的聯絡方式和交易時間給顧客。
m-claim-check =
    先核對紀錄，再做任何操作：
    • 查詢那個時間前後、同樣金額和同一張卡（末4碼）的兩筆成功交易：在刷卡機上、批次裡或收單機構的對帳單裡。
    • 請顧客出示銀行簡訊或行動銀行 App 紀錄。顧客絕不需要給您卡號。
    絕不付現金，絕不轉帳。如果真有兩筆，把第二筆取消或刷退到原卡。
ask-m-claim = 您的紀錄顯示什麼？
btn-m-claim-found = 有兩筆：確實重複了
btn-m-claim-single = 只有一筆
m-claim-not-found =
    您的紀錄只有一筆。
    • 給顧客看簽帳單和紀錄，或者給他一份影本。
    • 如果顧客那邊仍然看到兩筆扣款，可以由他的發卡銀行核查。請他撥打卡背面的電話。
    • 即使被催促，也不要付現金或轉帳。
    • 堅持要現金「退差額」的「顧客」是常見的詐騙手法。拒絕，如果對方糾纏不休就報警。
ask-m-timing = 今天的批次結算了嗎（刷卡機上的結帳）？
btn-m-before-settlement = 還沒結算
btn-m-after-settlement = 已經結算了
m-void =
    取消錯誤的那筆交易。取消只能在{ $void_cutoff }做。
    1. 用刷卡機的取消功能，只取消錯誤的那筆。簽帳單上的交易序號可以幫您找到它。
    2. 取消總是全額取消。顧客馬上或幾分鐘內就能收到退款。
    3. 把取消單給顧客，自己留一聯。
    { $m_error ->
        [m_wrong_amount] 4. 然後在顧客同意後，按正確金額重新刷一筆。
       *[other] 4. 查看刷卡機的交易清單：顧客的這筆付款現在應該只剩一筆。
    }
m-refund =
    批次已經結算，所以要做刷退：
    1. 用刷卡機的刷退功能（機上多標示為「退貨」），或聯絡收單機構，把錯扣的部分刷退到同一張卡。可以部分刷退。
    2. 絕不退現金。
    3. 把刷退單給顧客，告訴顧客一般{ $refund_days }個工作日入帳。
    4. 自己那聯和原簽帳單放在一起保存。
m-prevention =
    防止再次發生：
    • 每位員工都要培訓刷卡機操作。
    • 把刷卡機遞給顧客之前，核對螢幕上的金額。
    • 每天對帳。
    • 簽帳單保存{ $evidence_retention }。
    • 定期維護刷卡機。
    • 給顧客一個明確的反映問題的管道。
    • 刷卡交易絕不退現金。
summary-merchant =
    總結 — 案件 { $case_id }
    { $m_error ->
        [m_wrong_amount] { $m_timing ->
            [m_after_settlement] 金額輸錯，已經結帳：只把多扣的部分刷退到原卡。
           *[other] 金額輸錯：取消這筆交易，在顧客同意後按正確金額重新刷。
        }
        [m_undercharged] 少扣了：只有顧客同意，才把差額作為一筆新交易刷卡補扣，並給簽帳單。絕不用轉帳。
        [m_double] { $m_timing ->
            [m_after_settlement] 重複扣款，已經結帳：把第二筆刷退到原卡。
           *[other] 重複扣款：取消第二筆。
        }
        [m_no_slip] 沒出簽帳單：不要重刷。讓下一筆交易觸發沖正，並告知收單機構。
        [m_frozen] 刷卡機當機：先核對紀錄。然後取消或刷退重複的那筆，或者等自動沖正，並告知收單機構。
        [m_frozen_twice] 刷卡機當機，紀錄裡有兩筆：把第二筆取消或刷退到原卡。
        [m_frozen_once] 刷卡機當機，紀錄裡有一筆：交易已經成功。補印簽帳單，不要再刷。
        [m_frozen_missing] 刷卡機當機，紀錄裡沒有這筆：不要為了簽帳單重刷。讓下一筆交易觸發沖正，並告知收單機構。
        [m_customer_claims_double] 顧客說被扣了兩次：核對紀錄。只退真正重複的那筆，而且只退到卡上。
       *[other] 先核對紀錄，再取消或刷退到原卡。
    }
    記住：退款一律刷退回原卡，絕不退現金。保留簽帳單。您的顧客也可以使用這個機器人。
m-register-hint = 給店家的建議：傳送 /merchant 加店名，取得收銀台用的連結和 QR Code。顧客掃碼就能直接找到我；/opencase 可為被誤扣款的顧客開立案件。
large-amount-handoff = 因為金額較大，我已同時把您的案件轉給客服人員，他們會在這裡聯絡您。在此期間我們繼續。
deadline-reversal = 自動沖正應在此日前退回
deadline-refund = 退款應在此日前入帳
deadline-bank_reply = 銀行應在此日前答覆您的書面申訴
deadline-chargeback = 國際信用卡組織爭議帳款期限（通常）截至
deadline-psd2_notice = 通知銀行的法定期限截至
deadline-bank_investigation = 銀行應在此日前完成調查
deadline-open = 尚未到期
deadline-passed = 已過期
ui-status-deadlines =
    期限：
    { $deadlines }
deadline-reversal-note = { $deadline_reversal_passed ->
    [yes] 自動沖正通常的等待時間已於 { $deadline_reversal } 結束。如果錢還沒退回，不要再等了：現在就去找銀行。
   *[no] 預計在 { $deadline_reversal } 前退回（按工作日從付款日算起）。到時還沒退回，請再來找我。
}
deadline-bank-reply-note = 從今天算起，銀行應在 { $deadline_bank_reply } 前答覆。
deadline-chargeback-note = { $deadline_chargeback_passed ->
    [yes] 就這筆交易而言，國際信用卡組織通常的爭議期限已於 { $deadline_chargeback } 截止。不過還是建議您問問銀行：有些期限是從較晚的日期起算（帳單日、收貨日），而未經您授權的交易另有保障。
   *[no] 就這筆交易而言，國際信用卡組織通常的爭議期限截至 { $deadline_chargeback }：{ $dispute_window_note }。
}
deadline-notice-note = { $deadline_psd2_notice_passed ->
    [yes] 就這筆交易而言，通知銀行的法定期限（{ $psr_months }個月）已於 { $deadline_psd2_notice } 截止。銀行仍可能依國際信用卡組織規則或銀行自己的規定協助您：請以書面詢問。
   *[no] 就這筆交易而言，通知銀行的法定期限截至 { $deadline_psd2_notice }。不要等到那一天才通知。
}
regulator-handoff-note = 我也已把您的案件轉給客服人員，他們會在這裡聯絡您。在此期間，請按下面的步驟進行。

letter-card-charge = （我的卡實際扣款：{ $card_amount }）

btn-error-refund-missing = 店家答應的退款一直沒收到
btn-online = 我是在網路上買的，不是在店裡刷卡
refund-missing-advice =
    店家辦理退款後，款項一般在 { $refund_days } 個工作天內退回您的卡。
    • 向店家索取退貨簽單或退款憑證：它能證明退款已辦理，銀行也能據此查詢。
    • 如果店家根本沒有辦理，或已經超過時間，您的發卡銀行可以用「退款未處理」對這筆交易提出爭議。
summary-online =
    摘要 —— 案件 { $case_id }
    網路購物：這個助手是為在商店刷卡機上的刷卡交易設計的，步驟和期限不一定適用。
    接下來：
    1. 先以書面聯絡賣家，保留訂單編號和所有對話紀錄。
    2. 如果是刷卡付款而賣家不處理，您的發卡銀行可以對這筆交易提出爭議：請撥打卡片背面的電話。
    3. 如果是用支付 App 付款，請在 App 裡針對這筆交易申訴。
amount-unknown = 沒關係。金額可以在銀行 App、刷卡簡訊或收據上找到。稍後核對資料時可以再補上。
txn-time-unknown = 沒關係。只寫日期就夠了；如果需要確切時間，銀行 App 裡查得到。
card-last4-unknown = 沒關係。手機支付（Apple Pay、Google Pay 等）顯示的是另一組號碼，掃碼付款沒有卡號：銀行可以依日期、金額和商店找到這筆交易。
