# 代码本身使用的文本（i18n::UI_KEYS）：命令、错误提示、格式。决策树的文本在 flow.ftl。

ui-lang-name = 简体中文
# Each language by name, in this language (a letter copy "in Chinese (Simplified)").
language-en-US = 英文
language-zh-CN = 简体中文
language-zh-TW = 繁体中文（台湾）
language-zh-HK = 繁体中文（香港）

ui-help-intro =
    刷卡付款出了问题，我来帮您一步步处理。请用按钮回答（也可以输入序号或按钮上的文字），或直接输入。
    命令：
ui-help-outro = 我绝不会向您索要完整卡号、CVV安全码、密码或短信验证码。

ui-too-long = 这条消息太长了（超过 { $max } 个字符），请分几条简短发送。
ui-card-kept-last4 = 这看起来是完整卡号。我只保留了后4位（{ $last4 }），其余数字没有保存。请不要在聊天中发送完整卡号。
ui-card-removed = 这条消息里似乎有完整卡号（尾号 { $last4 }），所以我没有保存它。我从不需要您的完整卡号，只在询问时需要后4位。请去掉卡号后重新回答。
ui-card-split-kept-last4 = 这几条消息合起来像是分开发送的完整卡号。我只保留了后4位（{ $last4 }），其余的已删除。无论整条还是分开，都请不要在聊天中发送完整卡号。
ui-card-split-removed = 这几条消息合起来像是分开发送的完整卡号，所以我把它们删掉了，一点也没有保存。我从不需要您的完整卡号，只在询问时需要后4位。
ui-secret-refused = 请不要把CVV安全码、密码或短信验证码告诉任何人——包括我、银行、商户和给您打电话的人。那条消息我没有保存。如果有人向您索要，请仔细阅读：
ui-choose-button = 请选择一个选项：点按钮，或输入它的序号。
ui-bad-amount = 没看懂这个金额。请只输入数字，例如 { $example }。
ui-bad-amount-positive = 金额必须大于零，请重新输入，例如 { $example }。
ui-bad-amount-large = 这个金额对刷卡消费来说太大了，请核对后重新输入，例如 { $example }。
ui-bad-amount-decimals = 最多保留两位小数，例如 { $example }。
ui-bad-date = 没看懂这个日期。请这样输入：2026-11-25 14:30，或“今天 14:30”，或“昨天”。
ui-bad-date-future = 这个日期还没到。付款是什么时候？例如：昨天 18:05。
ui-bad-date-old = 这个日期太久远了，我帮不上忙。请核对，例如 2026-11-25。
ui-bad-yesno = 请回答“是”或“否”（或点按钮）。
ui-bad-last4 = 请只输入卡号后4位，例如 1234。不要输入完整卡号。
ui-bad-text-empty = 请简单输入几个字。
ui-bad-text-long = 请控制在500字以内。
ui-bad-text-number = 这只是一串数字。请输入名称（带文字），比如签购单或银行短信上写的名称。
ui-stale-button = 这个按钮属于之前的问题。我们现在在这里：
ui-stuck-handoff = 看来我们在原地打转。我已经请客服人员查看您的案件，他们会在这里回复您。在此期间您可以继续。
ui-nothing-back = 这是第一个问题，没有可以返回的了。
ui-unknown-command = 我不认识这个命令。发送 /help 查看我能做什么。
ui-case-closed = 案件 { $case_id } 已结束（{ $outcome }）。发送 /status 查看，或发送 /start 新建案件。
ui-flow-changed = 自上次聊天以来，我的指引更新了，所以我们从头开始。您之前的回答都还在。
ui-status = 案件 { $case_id } — 状态：{ $status }。当前步骤：{ $step }。
ui-status-facts =
    金额：{ $amount }
    付款时间：{ $txn_time }
    卡号尾号：{ $card_last4 }
    商户：{ $merchant_name }
ui-status-steps =
    已完成的步骤：
    { $steps }
ui-status-no-steps = 还没有记录任何步骤。
ui-welcome-back = 欢迎回来。我们从上次停下的地方继续处理案件 { $case_id }。
ui-new-case = 新案件 { $case_id }。请记下这个编号，客服人员会向您询问。
ui-lang-changed = 语言已切换为简体中文。
ui-lang-unknown = 没有“{ $tag }”这种语言。可选：{ $available }。例如：/lang zh-TW
ui-forget-confirm = 这将永久删除您全部 { $count } 个案件及所有回答。确认请发送：/forget yes
ui-forgotten = 已删除：{ $count } 个案件及其全部内容。需要帮助时随时发送 /start。
ui-saved-bye = 案件 { $case_id } 已保存。下次再运行我，就从停下的地方继续。
ui-save-failed = 抱歉，刚才没能保存，所以没有任何改动。请稍后再发送一次。
ui-no-case = 您还没有案件。发送 /start 开始。

btn-yes = 是
btn-no = 否

status-open = 处理中
status-waiting = 等待银行或商户处理
status-escalated = 已升级投诉
status-handed_off = 已转客服人员
status-resolved = 已解决
status-closed = 已结束

outcome-open = 尚未结束
value-missing = 未提供

money = { $currency ->
    [CNY] ¥{ $number }
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

ui-file-received = 收到：已有 { $count } 个文件作为证据保存在您的案件里。请妥善保管原件。
ui-file-not-here = 谢谢——只有在“证据”这一步我才能保存照片和文件。请先回答问题，到时我会请您发送。
ui-unsupported-message = 我只能读取文字、按钮，以及“证据”这一步的照片或文件。请输入您的回答。
ui-flood = 您发消息太快了，我跟不上。请等几秒钟，再把回答发一次。
ui-lang-choose = 请选择语言：
ui-you-chose = ✓ { $choice }
ui-duplicate-ignored = 这条消息我已经回复过了。
step-evidence_received = 已发送证据（照片或文件）

cmd-start = 新建一个案件
cmd-status = 查看案件进度
cmd-back = 返回上一个问题
cmd-lang = 切换语言
cmd-human = 请客服人员处理
cmd-scam = 有人催我转账或索要验证码
cmd-help = 我能做什么
cmd-forget = 删除关于我的全部记录
cmd-cases = 查看并切换我的案件
cmd-remind = 关闭跟进提醒（/remind off）
cmd-opencase = 商户：为顾客开一个案件
cmd-mycases = 商户：查看我的顾客的案件
ui-remind-usage = 发送 /remind off 可关闭这个案件的跟进提醒。
ui-cases =
    您的案件：{ $count } 个
    { $list }
ui-cases-hint = 点一下案件，或发送 /cases 加案件编号，即可切换回那个案件。
ui-cases-none = 您还没有案件。发送 /start 新建一个。
ui-cases-current = （当前）
ui-cases-switched = 已切换到案件 { $case_id }。目前的进展如下：
ui-cases-unknown = { $case_id } 不是您的案件。

ui-staff-taken = 客服人员已经接手您的案件，会在这里回复您。您可以直接给他们留言。
ui-staff-reply = 💬 客服回复：{ $text }
ui-staff-closed = 您的案件 { $case_id } 已结案：{ $outcome }。谢谢。需要帮助时请发送 /start。
ui-relayed = 已转给客服人员。
outcome-staff_resolved = 客服已处理解决
outcome-staff_refunded = 已退款
outcome-staff_rejected = 申请未被接受
outcome-staff_police = 已移交警方
outcome-staff_other = 客服已结案

ui-merchant-usage =
    商户：发送 /merchant 加店名登记，分号后写终端号。
    例如：/merchant 街角小店; 12345678, 87654321
    之后：/opencase 为被错扣款的顾客开一个案件（顾客通过链接加入），/mycases 查看您的顾客的案件进度。
ui-merchant-registered =
    { $shop } 已登记（终端号：{ $terminals }）。
    给顾客的链接：{ $link }
    请打印下面的二维码放在收银台：通过它开始的顾客，案件里会记录您的店铺。
ui-merchant-case-opened =
    案件 { $case_id } 已开立。请把这个链接（或下面的二维码）给您的顾客，打开后即加入该案件：
    { $link }
ui-merchant-cases =
    { $shop } 的顾客案件：{ $count } 个
    { $list }
ui-referred-by = 您是通过一家商户的链接进来的，这家商户在我们这里登记的店名是“{ $shop }”。我会在您的案件里记录这家店。
ui-joined-case = 您已加入案件 { $case_id }，这个案件是在我们这里登记名为“{ $shop }”的商户为您开立的。我们一起一步步处理。
cmd-merchant = 商户：登记并获取链接
ui-reminder = ⏰ 按约定回来跟进您的案件。（发送 /remind off 可关闭提醒。）
ui-remind-off = 好的，这个案件不再发送跟进提醒。
ui-snoozed = 好的，我会在 { $date } 再问您。在那之前随时可以回答。
ui-resent = 收到您上一条消息后我重启了一下，可能没有回复您。我们现在在这一步：
btn-snooze = 过几天再问我
ui-letter-caption = 书面申请，案件 { $case_id }（{ $language }）
ui-letter-bank-copy = 您的银行使用{ $language }，所以我另外做了一份{ $language }版，方便您提交。
ui-file-saved = 📄 已保存为 { $path }
letter-blank = ____________
ui-evidence-full = 您的案件已经保存了 { $max } 个文件，这是我能保存的上限。如果客服还需要其他材料，会向您索取。
ui-handoff-again-later = 这个案件已经结案，而且最近已经转告过客服。上次转告满 { $hours } 小时后，我才能再次转交；如果有新情况，请发送 /start 新建案件。

# 商户：客服审核店名，以及店名须遵守的规则。
ui-referred-unvetted = 您是通过一家商户的链接进来的。我会在您的案件里记录下来。
ui-joined-case-unvetted = 您已加入一家商户为您开立的案件 { $case_id }。我们一起一步步处理。
ui-merchant-review-pending = 每个店名都要先经过我们的客服审核，顾客才能看到。在此之前，您的链接可以正常使用，但不会向顾客显示您的店名。审核完成后会在这里通知您。
ui-merchant-review-approved = 您的店名已通过审核：通过您的链接进来的顾客会看到它。
ui-merchant-review-rejected = 这个店名未通过客服审核：{ $reason }。您的链接仍可使用，但不会显示店名；如需登记其他店名，请发送 /merchant 加新店名。
ui-merchant-approved = 您的店名“{ $shop }”已通过审核：通过您的链接进来的顾客现在会看到它。
ui-merchant-rejected = 店名“{ $shop }”未通过客服审核：{ $reason }。您的链接仍可使用，但不会显示店名。如需登记其他店名，请发送 /merchant 加新店名。
ui-merchant-name-lines = 店名只能写成一行。请重新发送 /merchant，并把店名写在同一行。
ui-merchant-name-length = 店名长度须为 { $min } 到 { $max } 个字符。
ui-merchant-name-email = 店名里不能包含电子邮箱地址。请只发送您的店名。
ui-merchant-name-link = 店名里不能包含网址或链接。请只发送您的店名。
ui-merchant-name-handle = 店名里不能包含 @ 用户名。请只发送您的店名。
ui-merchant-name-number = 店名里不能包含电话号码或其他长串数字（最多 { $digits } 位数字）。请只发送您的店名。
ui-merchant-name-chars = 店名只能包含文字、数字、空格和这些符号：{ $allowed }
ui-merchant-name-no-letters = 店名里需要有文字或数字。
ui-merchant-name-scripts = 店名不能混用拉丁字母和西里尔字母或希腊字母：这些字母外形相似，常被用来仿冒其他名称。
ui-merchant-name-word = 店名里不能包含“{ $word }”。听起来像本服务、银行或客服的词语都不允许使用，以防有人冒充。请使用您店铺自己的名称。
# 店名中不允许出现的词，用逗号分隔。每种语言的词表都适用于所有店名。
merchant-name-blocklist = 客服, 人工客服, 在线客服, 官方, 银行, 退款, 退费, 退钱, 理赔, 赔偿, 补偿, 银联, 支付宝, 微信支付, 财付通, 公安, 警察, 警方, 反诈, 安全账户, 工作人员, 管理员, 认证中心, 验证, 冻结, 解冻, 刷卡助手, 售后中心, 客户服务, 服务热线, 官网, 信用卡中心, 云闪付, 诈骗, 防诈, 监管账户, 检察院

# 读懂对方自己讲的经过：说出理解的内容，请对方确认或选择（未经确认绝不照此行事）。
ui-understood = 听起来是：{ $problem }。
ui-understood-confirm = 我理解得对吗？
ui-understood-which = 我不太确定理解对了。下面哪一项最接近您遇到的情况？
ui-understood-pick = 请点最符合的一项；都不是的话，点"都不是"从完整列表里选。
ui-understood-facts =
    从您的消息里我记下了：
    { $facts }
    写书面申请之前，这些都可以改。
ui-understood-thanks = 谢谢！您已经告诉我的，我不会再问。
ui-understood-declined = 抱歉，我理解错了。请在下面选择。
btn-understood-yes = 对，是这样
btn-understood-no = 不对，我自己选
value-unknown = 不清楚
btn-dont-know = 我不知道
understood-failed_deducted = POS 机显示交易失败，但钱被扣了
understood-failed_deducted-btn = 显示失败但扣了钱
understood-double = 一笔消费被扣了两次
understood-double-btn = 被扣了两次
understood-wrong_amount_over = 扣的钱比价格多
understood-wrong_amount_over-btn = 扣多了
understood-wrong_amount_under = 扣的钱比价格少，商家要您补差价
understood-wrong_amount_under-btn = 扣少了
understood-wrong_merchant = 钱付给了另一家商户，不是您付款的那家
understood-wrong_merchant-btn = 付错了商户
understood-terminal_fault = 付款时 POS 机出了故障或死机
understood-terminal_fault-btn = POS 机故障
understood-unrecognised = 卡上有一笔不是您本人的消费
understood-unrecognised-btn = 有一笔我不认识的扣款
understood-refund_missing = 商家答应的退款还没到账
understood-refund_missing-btn = 退款一直没到
understood-qr_wallet = 您是扫码或用电子钱包付的，不是在 POS 机上刷卡
understood-qr_wallet-btn = 扫码或电子钱包
understood-online = 您是在网上买的，不是在店里的 POS 机上付的
understood-online-btn = 网上购物
understood-merchant = 您是商户，顾客的刷卡交易出了问题
understood-merchant-btn = 我是商户
understood-scam = 有人冒充银行或官方联系了您
understood-scam-btn = 可疑的电话或短信
fact-amount = 金额
fact-txn_time = 时间
fact-merchant_name = 商户
fact-card_last4 = 卡号尾号
fact-jurisdiction = 发卡地

# A date that reads more than one way is never guessed.
ui-date-which =
    这个日期有不止一种读法：
    { $dates }
    您指的是哪一个？请用"11月3日"或"2026-11-03"这样的写法再输入一次。

# A reply that waits for the sending budget: said once, before it.
ui-busy = 现在咨询的人很多。您的消息已保存，大约 { $seconds } 秒后回复您。
