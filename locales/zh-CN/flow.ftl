## swipefix — 决策树文本（flows/*.toml）。
## 每个键在所有语言中都存在，占位符相同。
## 号码、天数、热线和监管机构名称来自 flows/jurisdictions/*.toml，以占位符传入。

## 步骤名称（/status 显示）

title-welcome = 开始
title-role = 您的身份
title-scam = 防诈骗提醒
title-human = 等待人工
title-safety = 安全确认
title-error-type = 出了什么问题
title-freeze = 冻结银行卡
title-stop = 先停下，保留证据
title-details = 交易信息
title-intent = 是否涉嫌诈骗
title-police = 报警
title-timing = 撤销、退货还是冲正
title-evidence = 证据
title-waiting-reversal = 等待自动冲正
title-merchant = 联系商户
title-waiting-refund = 等待退款
title-bank = 联系银行
title-application = 书面申请
title-card-region = 适用规则
title-waiting-bank = 等待银行答复
title-escalation = 投诉
title-monitor = 留意账户
title-summary = 总结
title-m-error = 出了什么问题（商户）
title-m-check = 核对记录
title-m-fix = 处理这笔交易
title-m-prevention = 预防

## 案件结果（final = "..."）和已完成的步骤（done = "..."），/status 显示

outcome-resolved = 已解决
outcome-escalated = 已升级，由客服团队跟进
step-stopped = 已停下：不再重刷，卡已保管或冻结
step-evidence_listed = 已列出证据
step-contacted_merchant = 已联系商户
step-called_bank = 已致电银行
step-application_written = 已准备书面申请
step-escalated = 已向上级投诉

## 欢迎和身份

welcome =
    您好，我是 swipefix。在商户 POS 机上刷卡出了问题，我来帮您：
    • 被扣了两次
    • 金额不对
    • 显示“交易失败”但钱被扣了
    • 付错了商户
    • 终端故障
    • 有一笔不认识的扣款
    我会一步一步陪您处理。操作 POS 机的商户也可以用我。
    任何时候：输入 /human 转人工；如果有人正在催促您操作，输入 /scam。
welcome-privacy =
    安全第一。我绝不会向您索要完整卡号、CVV（卡背面的3位数字）、密码或短信验证码，最多只问卡号的后4位。
    谁向您要这些，谁就不是在帮您。
ask-jurisdiction = 您的卡是在哪里发行的？（按发卡银行所在的国家或地区选，不管是银联、Visa 还是万事达……如果您是商户：请选店铺所在地。）
btn-jurisdiction-cn = 中国大陆
btn-jurisdiction-hk = 中国香港
btn-jurisdiction-mo = 中国澳门
btn-jurisdiction-tw = 中国台湾
btn-jurisdiction-sg = 新加坡
btn-jurisdiction-uk = 英国
btn-jurisdiction-eu = 欧盟 / 欧洲经济区
btn-jurisdiction-us = 美国
btn-jurisdiction-other = 其他地方
ask-us-card-kind = 这是信用卡还是借记卡？美国法律对两者的保护不同。
btn-us-credit = 信用卡
btn-us-debit = 借记卡
ask-zone = 您在哪个时区？“今天”和所有期限都按这个时区计算。
btn-zone-us-eastern = 东部时间（纽约）
btn-zone-us-central = 中部时间（芝加哥）
btn-zone-us-mountain = 山地时间（丹佛）
btn-zone-us-arizona = 亚利桑那（凤凰城）
btn-zone-us-pacific = 太平洋时间（洛杉矶）
btn-zone-us-alaska = 阿拉斯加（安克雷奇）
btn-zone-us-hawaii = 夏威夷（檀香山）
btn-zone-eu-western = 西欧（里斯本、都柏林）
btn-zone-eu-central = 中欧（柏林、巴黎、罗马、马德里）
btn-zone-eu-eastern = 东欧（赫尔辛基、雅典、布加勒斯特）
ask-role = 在这笔交易里您是？
btn-cardholder = 我是刷卡付款的人
btn-merchant = 我是商户 / 操作 POS 机的人

## 防诈骗（中断和安全确认）

scam-warning =
    请停一下——这可能是诈骗。
    • 有人正在电话或聊天里自称银行、“客服”、平台或警察，说要给您退款？马上挂断。
    • 自己回拨银行，只用银行卡背面印着的电话。
    • 绝不提供短信验证码、密码、CVV，绝不共享屏幕。不点对方发的链接，不装对方让装的软件。
    • 绝不把钱转到“安全账户”，也绝不为了“验证账户”去贷款。
    • “多退了钱给您，请把差额转回来”是骗局。收费“帮您追回损失”的也是骗局。
    • 网上搜到的电话可能是假的。只用卡上印着的号码或本机器人给出的号码。
scam-if-shared = 已经提供过验证码、密码或卡片信息，或者钱已经被扣了？请马上冻结银行卡：点下面的按钮。
ask-scam-next = 您接下来想怎么做？
btn-resume = 回到刚才的步骤
btn-freeze-card = 冻结银行卡 / 报告不认识的扣款
ask-safety-gate = 先做一个安全确认：现在是否有人正在电话或聊天里，自称银行、客服、平台或警察，说要给您退款？
ask-scam-live = 您挂断了吗？有没有提供过验证码、密码、卡片信息，或共享过屏幕？
btn-hung-up = 已挂断，什么都没提供
btn-shared-details = 提供过信息 / 钱已被扣

## 转人工（中断）

human-handoff = 我已把您的案件转给客服团队。工作人员会在这个对话里回复您。
human-meanwhile =
    您的案件编号：{ $case_id }
    等待期间：
    • 不要重复刷卡，保管好银行卡。
    • 有不认识的扣款，或者提供过验证码、密码？请马上冻结银行卡：拨打银行卡背面印着的电话。
    • 保留签购单、银行短信和截图。
    • 我们的工作人员绝不会索要完整卡号、密码、CVV 或短信验证码。
ask-human-next = 等待期间，您也可以继续跟我往下走。

## 出了什么问题

ask-error-type = 出了什么问题？
btn-failed-deducted = 显示“失败”但钱被扣了
btn-double = 被扣了两次
btn-wrong-amount = 金额不对
btn-wrong-merchant = 付错了商户或账户
btn-terminal-fault = POS 机死机或报错
btn-unrecognised = 有一笔不认识的扣款
btn-qr-wallet = 我是扫码或用电子钱包付的（微信支付、支付宝、FPS 转数快、PayNow……）
ask-fault-money-taken = 您的账户有没有被扣钱（收到了银行短信，或者手机银行里能看到这笔付款）？
summary-fault-no-money =
    总结 — 案件 { $case_id }
    POS 机出了故障，但没有扣钱：没有需要争议的交易。
    接下来：
    1. 告诉商户 POS 机出了故障，让他们通知 POS 机的服务商。
    2. 如果有签购单或报错画面的照片，保留好。
    3. 接下来几天留意银行短信和账单。如果之后还是出现了扣款，输入 /start，选“显示‘失败’但钱被扣了”。
wallet-advice =
    扫码或电子钱包付款（微信支付、支付宝、FPS 转数快、PayNow、八达通……）不是刷卡交易：我讲的银行卡规则和期限对它不适用。请这样做：
    1. 和刷卡付款一样，先找商户：退款会按原付款方式原路退回。
    2. 在钱包应用里投诉：在“帮助”或“投诉”页面，针对这笔付款提出投诉。保留平台给您的受理编号。
    3. 如果钱包是从您的银行卡或银行账户扣的钱，而钱包不肯帮忙，也要告诉那家银行。
    4. 有人让您扫码或转账来“解决”问题？那是诈骗：马上停下，报警。
wallet-hk = 在香港，电子钱包和八达通属于储值支付工具：先向钱包公司投诉。如果没有解决，可以拨打香港金融管理局（金管局）的查询热线{ $svf_line }。遇到诈骗，香港警方反诈骗协调中心的“防骗易”热线是{ $fraud_line }。
wallet-cn = 在中国大陆，先向支付应用投诉。如果没有解决，{ $pboc_name }受理支付方面的投诉：{ $pboc_line }。遇到诈骗，请报警：{ $police_line }。
summary-wallet =
    总结 — 案件 { $case_id }
    扫码或电子钱包付款：先走钱包自己的投诉渠道。
    接下来：
    1. 商户：请商户按原付款方式退款。
    2. 钱包应用：针对这笔付款投诉，保留受理编号。
    3. 如果钱是从您的银行卡或账户扣的，联系您的银行。
    4. 保留付款截图和所有聊天记录的截图。
    如果您也刷过卡，输入 /start。

## 立即冻结银行卡

freeze-now =
    请先做这件事：
    1. 冻结银行卡或挂失。拨打{ $bank_hotline }。如果手机银行有“冻结”或“挂失”功能，也可以用。
    2. 告诉银行是哪一笔扣款您不认识，或者您提供过什么（验证码、密码或卡片信息）。
    3. 要一个受理编号，连同日期和时间记下来。
    如果有人为这件事打电话给您，挂断，自己打给银行。
freeze-cn-proof =
    在中国大陆，另外两件事很有帮助：
    • 挂失后马上到最近的 ATM 或银行柜台用这张卡办一笔业务（比如查询余额）。这笔记录有助于证明卡一直在您身边（人卡未分离）。
    • 报警（{ $police_line }），把报案回执带给银行。
ask-money-taken = 冻结之后：钱已经被扣了吗？
btn-money-taken = 是的，钱被扣了
btn-taken-none = 还没有被扣钱
summary-no-loss =
    总结 — 案件 { $case_id }
    您的卡已冻结，没有被扣钱。
    接下来：
    1. 向银行咨询补办新卡。
    2. 接下来几周留意银行短信和账单，有异常立刻告诉银行。
    3. 如果提供过验证码、密码或卡片信息，告诉银行，并报警。
    4. 真正的银行不会打电话来“帮您退款”。挂断，拨打卡背面的电话。

## 先停下，再填交易信息

stop-advice =
    先停下：
    1. 在弄清楚之前，不要再付款，也不要在那台 POS 机上重刷。大多数重复扣款就是重刷造成的。
    2. 保管好您的银行卡。
    3. 保留一切：签购单或小票、银行短信、截图。
    4. 不要用现金或转账给任何人补“差额”。
stop-advice-unrecognised =
    先把一切保留好：
    1. 保留关于这笔扣款的银行短信、手机银行截图，以及冻结或挂失时拿到的受理编号。
    2. 绝不要付钱给承诺“收费帮您追回”的人，绝不把钱转到“安全账户”。
    3. 有人为这笔扣款打电话给您，挂断，自己拨打银行卡背面印着的电话联系银行。
details-intro = 接下来是关于这笔交易的几个简短问题。您的回答会用在给银行的书面申请里。
ask-amount = 被扣了多少钱？如果被扣了两次，请填一次的金额。例如：128.50
ask-txn-time = 什么时候付的款？按签购单或银行短信填日期和时间。例如：昨天 14:30，或 5月18日 14:30
ask-card-last4 =
    银行卡号的后4位。只要这4位，绝不要发完整卡号。例如：1234
    用手机或手表付的款（Apple Pay、Google Pay、Samsung Pay……）？签购单上显示的是手机专用的虚拟卡号，后4位和实体卡不一样。没关系：按签购单或银行短信上的填。
dcc-explain =
    您输入的是{ $amount }，但您的卡的结算币种是 { $currency }：这是一笔外币交易。
    • 如果 POS 机提出按您本国的货币、而不是当地货币扣款，这就是“动态货币转换”（DCC）：汇率由商户的服务商决定，往往不划算。商户本应先征得您同意，并向您显示汇率。如果没有，请告诉银行：这可以作为提出争议的理由。
    • 两个金额我都会记下：POS 机上显示的金额，以及您的卡实际被扣的金额。
ask-card-amount = 您的卡实际被扣了多少钱？请填银行短信或手机银行上显示的金额（按卡的结算币种）。如果还没显示，请再输入一次签购单上的金额。
ask-merchant-name = 收到这笔钱的商户名称，按签购单或银行短信上写的填（或者您知道的名称）。
ask-expected-amount = 正确的金额应该是多少？
same-amount = 扣款金额和正确金额您都填了{ $amount }，那就不是金额不对。请核对签购单或银行短信：正确的金额应该是多少？
ask-amount-direction = 您两次填的金额一样，我判断不出哪里不对。是扣多了还是扣少了？
btn-too-much = 扣多了
btn-too-little = 扣少了
summary-undercharged =
    总结 — 案件 { $case_id }
    在{ $merchant_name }被扣了{ $amount }，应付{ $expected_amount }，比实际价格少。您的钱没有风险。
    接下来：
    1. 您现在不需要做什么。
    2. 商户可能会请您补差额。差额是您应付的，但只补准确的差额；商户要再次刷您的卡，须经您同意。
    3. 补差额时在店里重新刷一笔卡并拿签购单。绝不转账到个人账户。
    4. 如果有人打电话自称商户或银行向您要钱，挂断，自己联系商户核实。
    5. 保留签购单，留意账单上有没有第二次扣款。

## 是否报警

ask-intent = 这是一笔较大的金额。有没有迹象表明是故意的？比如：卡离开过您的视线、商户拒绝沟通，或者商户好像已经不见了。
police-cn =
    这件事除了找银行，也应该报警。
    1. 确认卡已冻结或挂失，尤其是卡离开过您的视线时：拨打{ $bank_hotline }。
    2. 报警：拨打{ $police_line }或去派出所。带上银行短信和显示在{ $merchant_name }扣款{ $amount }的账单或交易流水，有签购单也带上。
    3. 索要报案回执，银行会需要复印件。
    4. 反诈预警专线是{ $fraud_line }。
    我也已为客服团队标记了您的案件。现在我们先整理证据。
police-intl =
    如果这是诈骗（不是您本人的消费、卡被复制，或被故意多扣）：
    1. 确认卡已经冻结。
    2. 向当地警方报案，保留报案编号，银行可能会要。
    我也已为客服团队标记了您的案件。现在我们先整理证据。
police-hk =
    如果这是诈骗（不是您本人的消费、卡被复制，或被故意多扣）：
    1. 确认卡已经冻结。
    2. 到警署或通过香港警方的“网上报案中心”报案，保留报案编号。紧急情况请拨打{ $police_line }。
    3. 香港警方反诈骗协调中心的“防骗易”热线{ $fraud_line }全天候提供咨询，但不受理报案。
    我也已为客服团队标记了您的案件。现在我们先整理证据。
police-tw =
    如果这是诈骗（不是您本人的消费、卡被复制，或被故意多扣）：
    1. 确认卡已经冻结。
    2. 报警：拨打{ $police_line }，或去派出所。保留报案记录：银行可能会要。
    3. 反诈骗咨询专线{ $fraud_line }提供免费咨询。
    我也已为客服团队标记了您的案件。现在我们先整理证据。
police-sg =
    如果这是诈骗（不是您本人的消费、卡被复制，或被故意多扣）：
    1. 确认卡已经冻结。
    2. 在网上或拨打警方热线{ $police_hotline }报案；紧急情况请拨打{ $police_line }。保留报案编号。
    3. ScamShield 热线{ $fraud_line }可以帮您判断是不是诈骗，并引导您联系银行；但它不能受理报案。
    我也已为客服团队标记了您的案件。现在我们先整理证据。
police-uk =
    如果这是诈骗（不是您本人的消费、卡被复制，或被故意多扣）：
    1. 确认卡已经冻结。拨打{ $bank_connect_line }可以安全地接通您的银行。
    2. 向 Report Fraud 报案：网站 { $fraud_web }，电话 { $fraud_line }（英格兰、威尔士和北爱尔兰）。在苏格兰，请拨打苏格兰警方（Police Scotland）的电话{ $police_non_emergency }。
    3. 紧急情况请拨打{ $police_line }。保留每一个报案编号。
    我也已为客服团队标记了您的案件。现在我们先整理证据。
police-us =
    如果这是诈骗（不是您本人的消费、卡被复制，或被故意多扣）：
    1. 确认卡已经冻结。
    2. 如果有资金损失，拨打当地警方的非紧急电话报案（紧急情况拨打{ $police_line }），保留报案编号。
    3. 在 { $fraud_web } 向美国联邦贸易委员会（FTC）举报诈骗。如果卡片信息被盗，还要到 { $identity_web } 报告。
    我也已为客服团队标记了您的案件。现在我们先整理证据。
police-eu =
    如果这是诈骗（不是您本人的消费、卡被复制，或被故意多扣）：
    1. 确认卡已经冻结。
    2. 向当地警方报案，保留报案编号；紧急情况请拨打{ $police_line }（所有欧盟国家通用）。
    我也已为客服团队标记了您的案件。现在我们先整理证据。

## 时间：撤销、退货还是冲正

ask-double-failed = 两次刷卡中，POS 机是否显示有一次失败了（报错，或没出签购单）？
btn-double-failed-first = 是的，有一次显示“失败”
btn-double-both-ok = 没有，两次都成功了
void-advice =
    这笔交易是今天付的，所以最快的办法是撤销。
    • 撤销只能在{ $void_cutoff }做。{ $merchant_name }在 POS 机上撤销这笔错误交易，全部金额会马上或几分钟内退回。
    • { $error_type ->
        [double] 请他们只撤销第二笔、重复的那一笔，并给您撤销单。
        [wrong_amount] 请他们撤销金额错误的那一笔并给您撤销单，然后按正确金额重新刷一笔，并给您新的签购单。
       *[other] 请他们只撤销错误的那一笔，并给您撤销单。
      }
    • 如果他们已经日结，就改为退货。
    • 不要接受用现金“解决”。
refund-advice =
    这笔交易是在 { $txn_time } 付的，不是今天：已经不能撤销了，所以商户要改做退货。
    • 钱原路退回同一张卡，绝不退现金。
    • { $error_type ->
        [double] 只退第二笔、重复的那一笔。
        [wrong_amount] 只需退回多扣的部分（部分退货）。
       *[other] 要求全额退回。
      }
    • 一般{ $refund_days }个工作日到账。
    • 索要退货单或书面确认。
reversal-advice =
    POS 机显示“失败”但扣了钱，通常会自动解决：POS 机在下一笔联机交易时会自动发送冲正。
    • 钱一般在{ $reversal_wait_days }个工作日内退回。
    • 可以请商户在 POS 机上查一下这笔交易到底成功没有。
    • 如果到时还没退回，由发卡银行来查询。我会帮您做这一步。

## 证据

evidence-list =
    以下都要保留，需要提交时给复印件，绝不交原件：
    • 签购单或小票
    • 银行短信
    • 手机银行截图或交易流水
    • 订单或和商户的聊天记录
    • 每次通话的记录：日期、时间、和谁通的话
    在 Telegram 里，您也可以直接在这里发送它们的照片，我会保存在您的案件里。
evidence-bank-query =
    银行查询这笔交易需要：
    • 尾号 { $card_last4 } 的卡（完整卡号银行自己有，不要发给任何人）
    • 日期和时间：{ $txn_time }
    • 金额：{ $amount }
    • 商户：{ $merchant_name }
    • 终端号和流水号（如果签购单上有）
evidence-list-unrecognised =
    以下都要保留，需要提交时给复印件，绝不交原件：
    • 关于这笔扣款的银行短信
    • 手机银行截图或交易流水
    • 冻结或挂失时拿到的受理编号
    • 报案回执（如果已报警）
    • 每次通话的记录：日期、时间、和谁通的话
    在 Telegram 里，您也可以直接在这里发送它们的照片，我会保存在您的案件里。
ask-evidence = 您有签购单或小票吗？
btn-evidence-ok = 有，已经保存好
btn-slip-missing = 没有签购单 / 丢了
no-slip-tip =
    没关系，照样可以继续：
    • 银行短信、手机银行截图或交易流水都能证明这笔交易。
    • 请商户从 POS 机记录里给您一份复印件。
    • 趁还记得，写下时间、地点、买了什么、谁接待的您。

## 等待自动冲正

ask-reversal-back = 钱退回到您的账户了吗？如果现在还说不准，点“过几天再问我”：我会回来问您。
btn-money-back = 是的，已经退回
btn-money-not-back = 等够了时间还没退回

## 商户

merchant-contact =
    接下来，联系{ $merchant_name }：打电话、去店里，或者通过您用的应用或平台。
    请他们：
    1. 按上面说的撤销或退货，
    2. 原路退回同一张卡，绝不退现金，
    3. 给您撤销单、退货单或书面确认。
    记下日期、时间和接待您的人。
ask-merchant-agrees = 商户怎么说？
btn-merchant-agreed = 同意撤销或退货
btn-merchant-cash = 他们要退现金
btn-merchant-refused = 他们拒绝了
btn-merchant-unreachable = 联系不上
cash-offer =
    请不要接受用现金退刷卡的钱。这不会取消刷卡交易，您手里也没有任何记录。
    请他们在 POS 机上原路退回同一张卡。如果他们还是不肯，请选“他们拒绝了”。
ask-merchant-agrees-after-cash = 那么，商户最后怎么说？
merchant-refund =
    很好。请确认：
    • 钱原路退回同一张卡，不退现金；
    • 拿到撤销单、退货单，或写明金额和日期的书面确认。
    撤销马上或几分钟内到账。退货一般{ $refund_days }个工作日到账。钱到账前请保留好单据。
ask-refund-arrived = 钱到账了吗？如果时间还没到，过几天再回来就行：您的案件会一直停在这个问题上。
btn-refund-arrived = 是的，已经到账
btn-refund-missing = 到时间还没到账
dispute-intro = 没关系：不需要商户同意。您的发卡银行可以对这笔交易提出争议。下一步：给银行打电话，然后提交书面申请。申请我来帮您写。

## 银行

bank-call =
    给银行打电话：{ $bank_hotline }。只用这个号码，不用网上搜到的或别人给的号码。
    告诉对方：
    • { $error_type ->
        [failed_deducted] “一笔刷卡交易显示失败，但钱被扣了，我要求退回”，
        [unrecognised] “有一笔刷卡交易不是我本人做的，我要提出争议”，
       *[other] “我要对一笔刷卡交易提出争议”，
      }
    • 卡号后4位、日期、时间、金额和商户，
    • 哪里不对，以及您要求退款。
    索要受理编号，并问清楚书面申请怎么提交。
    { $network_contact }
call-log = 每次通话都记下：日期、时间、客服姓名或工号、受理编号。把这份记录和证据放在一起。
ask-bank-called = 打完电话后点一下。
btn-bank-called = 已经打给银行
btn-bank-unreachable = 打不通
bank-called = 做得好。只打电话还不够：银行必须答复的是书面申请。我们来写。
bank-unreachable = 没关系，照样可以继续。银行必须答复的是书面申请，不打电话也可以先提交。请继续拨打银行卡背面印着的电话，每次尝试都记下日期和时间。

## 书面申请

application-intro = 这是您的书面申请（案件 { $case_id }）。核对无误后签名，连同证据复印件一起交给银行。我也把它做成了文件，方便打印。
application-letter =
    书面申请：刷卡交易争议
    姓名：{ $holder_name }
    卡号后4位：{ $card_last4 }
    交易：{ $txn_time }，{ $amount }{ $card_charge }，{ $merchant_name }
    终端号和流水号（签购单上有的话）：____________
    问题：{ $error_type ->
        [failed_deducted] POS 机显示交易失败，但款项已从我的账户扣除。
        [double] 同一笔消费被扣款两次，第二笔为重复扣款。
        [wrong_merchant] 款项误付给了错误的商户或账户。
        [terminal_fault] 交易过程中 POS 机发生故障，款项被错误扣除。
        [unrecognised] 这笔交易不是我本人所为，也未经我授权。我已于____________挂失该卡。
       *[other] 这笔交易处理有误。
    }
    争议金额：{ $amount }
    申请事项：将{ $amount }冲正或退回到此卡。
    附件（复印件）：{ $error_type ->
        [unrecognised] 银行短信或交易流水；冻结或挂失的受理编号；报案回执（如有）；通话记录。
       *[other] 签购单或小票；银行短信或交易流水；订单或聊天记录；通话记录。
    }
    日期：{ $today }
    签名：____________
application-letter-wrong-amount =
    书面申请：刷卡交易争议
    姓名：{ $holder_name }
    卡号后4位：{ $card_last4 }
    交易：{ $txn_time }，{ $amount }{ $card_charge }，{ $merchant_name }
    终端号和流水号（签购单上有的话）：____________
    问题：实际扣款{ $amount }，正确金额应为{ $expected_amount }。
    争议金额：{ $difference }（{ $amount }与{ $expected_amount }之间的差额）
    申请事项：将{ $difference }退回到此卡。
    附件（复印件）：签购单或小票；银行短信或交易流水；订单或聊天记录；通话记录。
    日期：{ $today }
    签名：____________
review-facts =
    写申请之前，请核对一下信息。银行以申请上写的为准。
    • 金额：{ $amount }
    • 日期和时间：{ $txn_time }
    • 卡号后4位：{ $card_last4 }
    • 商户：{ $merchant_name }
    • 您的姓名：{ $holder_name }
review-facts-wrong-amount =
    写申请之前，请核对一下信息。银行以申请上写的为准。
    • 实际扣款：{ $amount }
    • 正确金额：{ $expected_amount }
    • 日期和时间：{ $txn_time }
    • 卡号后4位：{ $card_last4 }
    • 商户：{ $merchant_name }
    • 您的姓名：{ $holder_name }
ask-review = 都对吗？点要修改的项目，或点“全部正确”。姓名可以不填：不填的话，申请上会留出空白让您手写。
btn-review-correct = 全部正确，开始写
btn-fix-amount = 修改金额
btn-fix-expected = 修改正确金额
btn-fix-time = 修改日期和时间
btn-fix-last4 = 修改卡号后4位
btn-fix-merchant = 修改商户
btn-add-name = 填写或修改姓名
ask-holder-name = 请输入您在银行登记的姓名，用于申请书。只要姓名，不要卡号、身份证号或密码。
send-cn =
    怎么提交：
    1. 交到发卡银行的网点，或按银行电话里告诉您的方式提交。自己留一份。
    2. 附上证据复印件，绝不交原件。
    3. 索要签收日期或受理编号。
    银行须在{ $bank_complaint_days }日内答复投诉。{ $bank_extension }（{ $complaint_rule }）。
send-us-credit =
    美国信用卡（《公平信用结账法》Fair Credit Billing Act）：
    1. 把申请以书面形式寄到账单上写的“账单查询”（billing inquiries）地址（不是还款地址），期限是第一份显示这笔错误的账单寄出后{ $fcba_notice_days }天内。
    2. 姓名和账户号码请您自己写在信上。绝不要把完整卡号发给我或任何打电话给您的人。
    3. 只打电话不能保护您的权利。保留副本和寄出凭证。
    发卡机构须在{ $fcba_ack_days }天内确认收到，并在{ $fcba_resolve_cycles }个账单周期内（最多{ $fcba_resolve_days }天）处理完毕。
send-us-debit =
    美国借记卡（E 条例 Regulation E）：
    1. 在第一份显示这笔错误的账单之后{ $rege_report_days }天内向银行报告。同时也书面报告，并留副本。
    2. 银行须在{ $rege_investigate_days }个工作日内调查完，或者先给您临时入账再延长调查：最多{ $rege_max_days }天，像这样在商户 POS 机上的交易最多{ $rege_pos_days }天。
send-uk =
    英国的卡：
    1. 马上寄出申请，并及时通知银行，不得无故拖延：通知银行的法定期限是扣款后{ $psr_months }个月（《2017年支付服务条例》第74条）。
    2. 请银行向卡组织发起退单（chargeback）。
    { $error_type ->
        [unrecognised] 3. 未经您授权的交易，银行须在得知后的下个工作日结束前退款（第76条），除非银行有合理理由怀疑您有欺诈行为。卡片丢失或被盗时，您最多承担{ $liability_cap }（第77条）；通知银行之后发生的盗刷，您不承担任何损失。
       *[other] 3. 保留申请的副本和寄出凭证。
    }
send-uk-s75 = 英国信用卡，且单件商品价格超过{ $s75_min }、不超过{ $s75_max }：还可以依据《消费信贷法》第75条（Section 75）向发卡机构索赔。
send-eu =
    欧盟 / 欧洲经济区的卡：
    1. 马上寄出申请，并及时通知银行，不得无故拖延：通知银行的法定期限是扣款后{ $psr_months }个月（PSD2 第71条）。
    2. 请银行向卡组织发起退单（chargeback）。
    3. 银行须在{ $bank_reply_days }个工作日内对投诉给出最终答复（只有先给出临时答复，才可以延长）。
    { $error_type ->
        [unrecognised] 4. 未经您授权的交易，银行须在得知后的下个工作日结束前退款（PSD2 第73条），除非银行怀疑您有欺诈行为，并已就此向主管机关报告。卡片丢失或被盗时，您最多承担{ $liability_cap }（第74条）。
       *[other] 4. 保留申请的副本和寄出凭证。
    }
send-hk =
    香港的卡：
    1. 马上把申请寄给银行。银行一般要求在账单日后{ $bank_report_days }天内报告有争议的交易和未经授权的交易，所以不要等账单出来。
    2. 请银行向卡组织（Visa、万事达或银联）发起退单（chargeback），并索要受理编号。每笔争议交易只能选一个理由：请选最符合的那个。
    3. 保留副本和寄出凭证。如果银行在{ $fdrc_wait_days }天内没有给出最终书面答复，您可以找金融纠纷调解中心（见下文）。
send-tw =
    台湾的卡：
    1. 打电话给银行客服，对这笔交易提出“争议账款”，请银行调查；同时寄出书面申请，自己留一份。
    2. 请银行向卡组织发起退单（chargeback）。银行调查期间，您也可以要求暂缓缴付这笔争议款项。
    3. 银行须在{ $bank_reply_days }天内处理您的投诉（台湾《金融消费者保护法》）。
send-sg =
    新加坡的卡：
    1. 马上把申请寄给银行，自己留一份：必须先给银行处理的机会。
    2. 请银行向卡组织发起退单（chargeback），并索要受理编号。
    3. 如果{ $fidrec_wait_days }天后仍未解决，您可以找 FIDReC（新加坡金融业纠纷调解中心，见下文）。
send-other =
    您的卡：
    1. 尽快把申请寄给银行。保留副本和寄出凭证。
    2. 请银行向卡组织（Visa、万事达、银联……）发起退单（chargeback），并问清楚银行要在多长时间内答复您。
    3. 银行的投诉页面上会写明下一步可以找哪个监管机构或金融申诉机构：记下来。
ask-bank-answer = 银行答复后，或者期限过了，再回来。结果怎么样？
btn-bank-fixed = 银行把钱退回来了
btn-bank-refused = 银行拒绝了
btn-bank-silent = 到期没有答复

## 投诉升级

escalate-cn =
    如果银行拒绝，或者超过期限没有答复，可以向上级投诉。请准备好书面申请、银行的答复（如果有）和通话记录。
    • { $pboc_line } — { $pboc_name }：支付结算方面的投诉，比如刷卡交易。受理时间：{ $pboc_hours }。须先向银行投诉。
    • { $nfra_line } — { $nfra_name }：对银行的投诉。
    • { $market_line } — { $market_name }：与商户本身的纠纷。
escalate-cn-law = 对商户，《消费者权益保护法》第三十九条给了您这些途径：与商户协商和解；请消费者协会调解；向有关行政部门投诉；根据与商户达成的仲裁协议申请仲裁；向人民法院起诉。
escalate-cn-police = 有故意的迹象（诈骗、故意重复扣款、盗刷复制卡）？请报警：{ $police_line }。反诈预警专线：{ $fraud_line }。
unjust-enrichment =
    付错了收款方，对方不肯退？没有法律根据取得他人款项属于不当得利（《民法典》第一百二十二条、第九百八十五条）。
    • 您可以向法院提起民事诉讼。
    • 起诉前就可以申请法院冻结对方财产（诉前财产保全）。
    • 保留银行出具的、证明款项已到对方账户的记录。
escalate-uk =
    如果银行拒绝或者不答复：
    1. 要求银行书面给出最终答复。
    2. 然后可以找金融申诉专员服务（Financial Ombudsman Service，{ $fos_line }）。支付类投诉，银行有{ $fos_reply_days }个工作日给出最终答复（其他投诉为{ $fos_other_weeks }周）。超过期限，即使没有答复也可以去申诉。
    3. 须在银行最终答复后{ $fos_months }个月内提出。
    4. 英国信用卡，且单件商品价格超过{ $s75_min }、不超过{ $s75_max }？同时依据《消费信贷法》第75条（Section 75）索赔。
escalate-intl =
    如果银行拒绝，或者没有按时答复：
    1. 要求银行书面给出最终答复，并问清楚下一步可以向哪里投诉。
    2. 如果还没有发起，请银行按卡组织规则发起退单（chargeback）（一般在交易后{ $dispute_window_days }天内）。
    3. 然后带上寄出和收到的所有文件的副本，去找银行投诉页面上写明的金融监管机构或金融申诉机构。
escalate-us =
    美国的卡：
    • 书面提醒银行上面说过的期限（《公平信用结账法》或 E 条例）。
    • 然后可以向美国消费者金融保护局（CFPB）投诉：网站 { $cfpb_web }，电话 { $cfpb_line }。被投诉的公司须在{ $cfpb_reply_days }天内回应。
escalate-hk =
    如果银行拒绝，或者在{ $fdrc_wait_days }天内没有给出最终书面答复：
    1. 金融纠纷调解中心（FDRC，{ $fdrc_line }）：先调解，后仲裁，受理索赔金额不超过{ $fdrc_limit }的纠纷，须在您首次知道损失后{ $fdrc_months }个月内申请。您必须先以书面形式向银行投诉。
    2. 向香港金融管理局（金管局）投诉银行：网站 { $hkma_web }，电话 { $hkma_line }。金管局不能命令银行赔偿您：要求赔钱，请找金融纠纷调解中心。
escalate-tw =
    如果银行拒绝，或者在{ $bank_reply_days }天内没有处理：
    1. 在收到银行答复后、或银行处理期限届满后{ $foi_apply_days }天内，向金融消费评议中心（评议中心，免费电话{ $foi_line }）申请评议。只有先向银行投诉过，评议中心才会受理。
    2. 也可以拨打金融服务专线{ $finance_line }咨询。
escalate-sg =
    如果{ $fidrec_wait_days }天后银行仍未解决，或者您不同意银行的最终答复：
    1. 在银行最终答复后{ $fidrec_months }个月内找 FIDReC（新加坡金融业纠纷调解中心）。调解免费；裁决收费{ $fidrec_fee }，适用于索赔金额不超过{ $fidrec_limit }的纠纷。
    2. 正在接受警方调查的案件，FIDReC 可能不受理：如果您报过警，要告诉他们。
escalate-eu =
    如果银行拒绝，或者在{ $bank_reply_days }个工作日内没有答复：
    1. 要求银行书面给出最终答复。
    2. 找银行所在国处理银行业投诉的诉讼外纠纷解决机构（FIN-NET 成员）。您本国的 FIN-NET 成员可以帮您转交投诉。
ask-escalation-result = 有结果后再回来。问题解决了吗？
btn-solved = 解决了，钱退回来了
btn-still-unsolved = 没有，还没解决

## 后续留意和总结

monitor-advice =
    接下来几周请留意账户：
    • 确认退款或冲正真的到账，而且金额正确。
    • 留意有没有同样金额的第二次扣款。
    • 退款有时会在之后被撤回。
    • 有任何异常，马上打银行卡背面的电话告诉银行。
    在确定事情彻底结束之前，保留好证据和通话记录。
summary-resolved =
    总结 — 案件 { $case_id }
    在{ $merchant_name }的{ $amount }这笔扣款已经处理好。
    接下来：
    1. 核对到账金额是否正确。
    2. 按上面说的，几周内继续留意账单。
    3. 保留单据和记录。
    如有异常，输入 /start 告诉我，或者输入 /human。
summary-not-solved =
    总结 — 案件 { $case_id }
    在{ $merchant_name }的{ $amount }：还没有解决。我已把您的案件转给客服团队，工作人员会查看并在这里回复您。
    您现在可以：
    1. 把所有证据、信件和通话记录放在一起。
    2. 按顺序使用上面的投诉途径。
    3. 绝不要付钱给承诺“收费帮您追回”的机构。
    4. 继续留意账户，有异常马上告诉银行。

## 商户

m-intro =
    商户请先注意：
    • 在弄清楚之前不要重新刷这笔。大多数重复扣款是重刷造成的。
    • 刷卡交易绝不退现金。退现金不会取消刷卡交易，还会被视为套现违规。退款要在 POS 机上原路退回同一张卡。
    • 小心自称被重复扣款、要求退现金差额的“顾客”。先核对记录，我会告诉您怎么做。
ask-m-error = 发生了什么？
btn-m-wrong-amount = 我输错了金额
btn-m-double = 我给顾客刷了两次
btn-m-no-slip = 没打印出签购单
btn-m-frozen = POS 机死机了
btn-m-claims-double = 顾客说被扣了两次
ask-m-direction = 扣多了还是扣少了？
m-undercharged =
    您少扣了。只有顾客同意，才能补扣差额。
    • 先问顾客。顾客同意的话，重新刷一笔正好等于差额的交易，并给顾客签购单。
    • 顾客不同意或者已经离开，不要再刷这张卡。
    • 绝不要让顾客把差额转到个人账户。
m-check-batch =
    先核对，再做任何操作。查看 POS 机的最近交易和当天的批次（或者收单机构，即给您提供 POS 机的银行或公司，提供的记录）：
    • 有两笔：顾客被扣了两次。
    • 有一笔：交易成功了。给顾客重打签购单，不要再刷。
    • 没有：交易没有成功。
m-batch-once = 记录里有一笔，说明交易已经成功，顾客只付了一次。在 POS 机上给顾客重打签购单，不要再刷这张卡。
ask-m-batch = 您看到的是？
btn-m-batch-twice = 有两笔
btn-m-batch-once = 有一笔
btn-m-batch-missing = 没有这笔
m-no-slip =
    没出签购单，通常说明 POS 机没有完成这笔交易。
    1. 不要为了拿签购单就重刷同一笔。先查 POS 机的最近交易。
    2. 如果没有这笔，就正常做下一笔交易。这样 POS 机会为失败的那笔自动发送冲正。
    3. 告知收单机构（给您提供 POS 机的银行或公司）。
    4. 告诉顾客：如果钱被扣了，一般{ $reversal_wait_days }个工作日内会退回。把您的联系方式和交易时间给顾客。
m-claim-check =
    先核对记录，再做任何操作：
    • 查找那个时间前后、同样金额和同一张卡（后4位）的两笔成功交易：在 POS 机上、批次里或收单机构的对账单里。
    • 请顾客出示银行短信或手机银行记录。顾客绝不需要给您卡号。
    绝不付现金，绝不转账。如果真有两笔，把第二笔撤销或退货到原卡。
ask-m-claim = 您的记录显示什么？
btn-m-claim-found = 有两笔：确实重复了
btn-m-claim-single = 只有一笔
m-claim-not-found =
    您的记录只有一笔。
    • 给顾客看签购单和记录，或者给他一份复印件。
    • 如果顾客那边仍然看到两笔扣款，可以由他的发卡银行核查。请他拨打卡背面的电话。
    • 即使被催促，也不要付现金或转账。
    • 坚持要现金“退差额”的“顾客”是已知的骗局。拒绝，如果对方纠缠不休就报警。
ask-m-timing = 今天的批次结算了吗（POS 机上的日结）？
btn-m-before-settlement = 还没结算
btn-m-after-settlement = 已经结算了
m-void =
    撤销错误的那笔交易。撤销只能在{ $void_cutoff }做。
    1. 用 POS 机的撤销功能，只撤销错误的那笔。签购单上的流水号可以帮您找到它。
    2. 撤销总是全额撤销。顾客马上或几分钟内就能收到退款。
    3. 把撤销单给顾客，自己留一联。
    { $m_error ->
        [m_wrong_amount] 4. 然后在顾客同意后，按正确金额重新刷一笔。
       *[other] 4. 查看 POS 机的交易列表：顾客的这笔付款现在应该只剩一笔。
    }
m-refund =
    批次已经结算，所以要做退货：
    1. 用 POS 机的退货功能（或联系收单机构），把错扣的部分原路退回同一张卡。可以部分退货。
    2. 绝不退现金。
    3. 把退货单给顾客，告诉顾客一般{ $refund_days }个工作日到账。
    4. 自己那联和原签购单放在一起保存。
m-prevention =
    防止再次发生：
    • 每位员工都要培训 POS 机操作。
    • 把 POS 机递给顾客之前，核对屏幕上的金额。
    • 每天对账。
    • 签购单保存{ $evidence_retention }。
    • 定期维护 POS 机。
    • 给顾客一个明确的反映问题的渠道。
    • 刷卡交易绝不退现金。
summary-merchant =
    总结 — 案件 { $case_id }
    { $m_error ->
        [m_wrong_amount] { $m_timing ->
            [m_after_settlement] 金额输错，已经日结：只把多扣的部分退货到原卡。
           *[other] 金额输错：撤销这笔交易，在顾客同意后按正确金额重新刷。
        }
        [m_undercharged] 少扣了：只有顾客同意，才把差额作为一笔新交易刷卡补扣，并给签购单。绝不用转账。
        [m_double] { $m_timing ->
            [m_after_settlement] 重复扣款，已经日结：把第二笔退货到原卡。
           *[other] 重复扣款：撤销第二笔。
        }
        [m_no_slip] 没出签购单：不要重刷。让下一笔交易触发冲正，并告知收单机构。
        [m_frozen] POS 机死机：先核对记录。然后撤销或退货重复的那笔，或者等自动冲正，并告知收单机构。
        [m_frozen_twice] POS 机死机，记录里有两笔：把第二笔撤销或退货到原卡。
        [m_frozen_once] POS 机死机，记录里有一笔：交易已经成功。重打签购单，不要再刷。
        [m_frozen_missing] POS 机死机，记录里没有这笔：不要为了签购单重刷。让下一笔交易触发冲正，并告知收单机构。
        [m_customer_claims_double] 顾客说被扣了两次：核对记录。只退真正重复的那笔，而且只退到卡上。
       *[other] 先核对记录，再撤销或退货到原卡。
    }
    记住：退款原路退回卡上，绝不退现金。保留签购单。您的顾客也可以使用这个机器人。
m-register-hint = 给店铺的建议：发送 /merchant 加店名，获取收银台用的链接和二维码。顾客扫码就能直接找到我；/opencase 可为被错扣款的顾客开立案件。
large-amount-handoff = 因为金额较大，我已同时把您的案件转给客服人员，他们会在这里联系您。在此期间我们继续。
deadline-reversal = 自动冲正应在此日前退回
deadline-refund = 退款应在此日前到账
deadline-bank_reply = 银行应在此日前答复您的书面投诉
deadline-chargeback = 卡组织争议期限（通常）截至
deadline-psd2_notice = 通知银行的法定期限截至
deadline-bank_investigation = 银行应在此日前完成调查
deadline-open = 未到期
deadline-passed = 已过期
ui-status-deadlines =
    期限：
    { $deadlines }
deadline-reversal-note = { $deadline_reversal_passed ->
    [yes] 自动冲正通常的等待时间已于 { $deadline_reversal } 结束。如果钱还没退回，不要再等了：现在就去找银行。
   *[no] 预计在 { $deadline_reversal } 前退回（按工作日从付款日算起）。到时还没退回，请再来找我。
}
deadline-bank-reply-note = 从今天算起，银行应在 { $deadline_bank_reply } 前答复。
deadline-chargeback-note = { $deadline_chargeback_passed ->
    [yes] 对这笔交易来说，卡组织通常的争议期限已于 { $deadline_chargeback } 截止。不过还是建议问问银行：有些期限从更晚的日期算起（账单日、收货日），而未经您授权的交易另有保护。
   *[no] 对这笔交易来说，卡组织通常的争议期限截至 { $deadline_chargeback }：{ $dispute_window_note }。
}
deadline-notice-note = { $deadline_psd2_notice_passed ->
    [yes] 对这笔交易来说，通知银行的法定期限（{ $psr_months }个月）已于 { $deadline_psd2_notice } 截止。银行仍可能依据卡组织规则或自己的规定提供帮助：请以书面形式询问。
   *[no] 对这笔交易来说，通知银行的法定期限截至 { $deadline_psd2_notice }。不要拖到那一天。
}
regulator-handoff-note = 我也已把您的案件转给客服人员，他们会在这里联系您。在此期间，请按下面的步骤进行。

letter-card-charge = （我的卡实际扣款：{ $card_amount }）

btn-error-refund-missing = 商家答应的退款一直没到
btn-online = 我是网上买的，不是在店里刷卡
refund-missing-advice =
    商家办理退款后，钱一般在 { $refund_days } 个工作日内退回您的卡。
    • 向商家要退货签购单或退款凭证：它证明退款已经办理，银行也能据此查询。
    • 如果商家根本没有办理，或者已经超时，您的发卡银行可以按"退款未处理"对这笔交易提出争议。
summary-online =
    总结 —— 案件 { $case_id }
    网上购物：这个助手是为在商店 POS 机上的刷卡交易设计的，它的步骤和时限不一定适用。
    接下来：
    1. 先以书面方式联系卖家，保留订单号和所有聊天记录。
    2. 如果是用卡付的而卖家不处理，您的发卡银行可以对这笔交易提出争议：请拨打卡背面的电话。
    3. 如果是用支付 App 付的，请在 App 里针对这笔交易投诉。
amount-unknown = 没关系。金额可以在银行 App、扣款短信或小票上找到。稍后核对信息时可以补上。
txn-time-unknown = 没关系。只写日期就够了；如果需要准确时间，银行 App 里能查到。
card-last4-unknown = 没关系。手机支付（Apple Pay、华为支付等）显示的是另一个号码，扫码支付没有卡号：银行可以根据日期、金额和商户找到这笔交易。
