# 给客服人员的文本：转人工摘要和客服命令，使用客服语言（设置：[staff] language）。

staff-summary =
    🆘 转人工 — 案件 { $case_id }
    原因：{ $reason }
    语言：{ $language } · 身份：{ $role } · 适用地区：{ $jurisdiction }
    问题：{ $error_type }
    金额：{ $amount }
    付款时间：{ $txn_time }
    商户：{ $merchant }
    卡号尾号：{ $card_last4 }
    风险标记：{ $flags }
    已完成的步骤：
    { $steps }
    期限：
    { $deadlines }
    证据：{ $evidence }
    建议下一步：{ $next }

staff-reason-asked_for_human = 用户要求人工服务
staff-reason-stuck = 用户卡住了（同一个问题出现三次）
staff-reason-police_route = 有欺诈迹象或金额较大：报警流程
staff-reason-unresolved_after_escalation = 经银行和监管投诉后仍未解决
staff-next-asked_for_human = 查看已完成的步骤，然后用用户的语言告诉他下一步具体怎么做。
staff-next-stuck = 问清楚用户想表达什么，帮他补上缺少的信息，并指出下一步。
staff-next-police_route = 确认卡已冻结、已报警；协助向发卡行提交书面争议申请。
staff-next-unresolved_after_escalation = 查看证据和银行的答复；就调解、仲裁或起诉提供建议。

staff-role-cardholder = 持卡人
staff-role-merchant = 商户
staff-flag-fraud = 可能是欺诈
staff-flag-scam = 诈骗电话
staff-flag-large = 金额较大
staff-flags-none = 无
staff-evidence = { $count ->
    [0] 暂无
   *[other] { $count } 个文件（见下方）
}

staff-unknown-case = 没有案件 { $case_id }。
staff-help-intro = 客服命令：
cmd-queue = 待处理的转人工案件，最早的在前
cmd-case = 案件摘要和备注
cmd-case-args = 编号
cmd-take = 接手案件（用户的消息会转到这里）
cmd-take-args = 编号
cmd-reply = 以机器人的名义回复用户
cmd-reply-args = 编号 内容
cmd-note = 内部备注
cmd-note-args = 编号 内容
cmd-close = 结案，并通知用户
cmd-close-args = 编号 resolved|refunded|rejected|police|other [备注]
staff-queue-empty = 没有待处理的转人工案件。
staff-queue-title = 待处理的转人工案件：{ $count } 个
staff-unassigned = 未接手
staff-notes-title = 备注和回复：
staff-taken = 案件 { $case_id } 已由 { $staff } 接手。
staff-replied = 已发给案件 { $case_id } 的用户，并记录在案件里。
staff-noted = 已在案件 { $case_id } 上备注。
staff-closed = 案件 { $case_id } 已结案（{ $outcome }），已通知用户。
staff-not-allowed = 只有客服人员可以使用这些命令。（本次尝试已记录。）
staff-relay = 💬 案件 { $case_id }（由 { $staff } 接手）：{ $text }

staff-reason-large_amount = 金额达到或超过报警参考金额
staff-next-large_amount = 确认用户安全，如有疑点先冻结卡片；核实事实，指导书面争议申请；如有故意迹象，协助报警。
staff-transcript-title = 最近的消息（UTC）：
staff-reason-regulator_route = 升级投诉到监管部门或卡组织
staff-next-regulator_route = 核对书面投诉和证据是否齐全、期限是否临近；协助用户向正确的部门投诉。

# 待审核的店名。
cmd-shops = 等待审核的店名
cmd-approve = 审核通过店名：此后该商户的链接会向顾客显示店名
cmd-approve-args = 代码 [anyway]
cmd-reject = 拒绝店名（或撤销已通过的审核），并告知商户原因
cmd-reject-args = 代码 原因
staff-merchant-review =
    🏪 有商户登记了店名。只有您审核通过后，顾客才会看到它。
    店名：“{ $shop }”
    代码：{ $code } · 登记人：{ $owner } · 终端号：{ $terminals }
    通过：/approve { $code } · 拒绝：/reject { $code } 原因
staff-merchant-same-name = ⚠ 已有商户登记了相同的店名：{ $list }
staff-merchant-breaks-rules = ⚠ 这个店名违反了店名规则：{ $rule }
staff-review-pending = 等待审核
staff-review-approved = 已通过
staff-review-rejected = 已拒绝
staff-shops-empty = 没有等待审核的店名。
staff-shops-title = 等待审核的店名：{ $count } 个（/approve 代码 · /reject 代码 原因）
staff-merchant-unknown = 没有代码为 { $code } 的商户登记记录。
staff-merchant-already-approved = “{ $shop }”（{ $code }）已经通过审核。
staff-merchant-cannot-approve = { $code } 无法通过审核：其店名违反了店名规则（{ $rule }）。请用 /reject { $code } 原因 拒绝。
staff-merchant-same-name-approve =
    尚未通过：“{ $shop }”与 { $list } 同名。
    请先确认是同一家商户（另一家分店或换了店主），再用 /approve { $code } anyway 通过；或用 /reject { $code } 原因 拒绝。
staff-merchant-approved = 已通过：“{ $shop }”（{ $code }）。该商户的链接现在会向顾客显示店名；已通知商户。
staff-merchant-rejected = 已拒绝：“{ $shop }”（{ $code }）：{ $reason }。已通知商户。
staff-shops-line = • “{ $shop }” — { $code } — { $owner } — { $since } UTC
staff-merchant-other = { $code } “{ $shop }”（{ $state }）

cmd-assign = 把案件转交给另一位客服人员
cmd-assign-args = 编号 客服ID
staff-assigned = 案件 { $case_id } 已转交给 { $staff }。
cmd-console = 获取客服控制台的登录链接（私信发给您）
staff-console-sent = 登录链接已通过私聊发给您。（如果没有收到，请先打开与我的私聊并点“开始”，然后再试一次。）
staff-console-link = 这是您的客服控制台登录链接，只能使用一次，{ $minutes } 分钟内有效；请勿转发：
    { $link }
staff-console-off = 客服控制台未启用（启动机器人时加上 --console）。
staff-console-unsent = 无法把登录链接私信给您：请先打开与我的私聊并点“开始”，然后再试一次。
