# 給客服人員的文字：轉真人客服摘要和客服指令，使用客服語言（設定：[staff] language）。

staff-summary =
    🆘 轉真人客服 — 案件 { $case_id }
    原因：{ $reason }
    語言：{ $language } · 身分：{ $role } · 適用地區：{ $jurisdiction }
    問題：{ $error_type }
    金額：{ $amount }
    付款時間：{ $txn_time }
    商家：{ $merchant }
    卡號末4碼：{ $card_last4 }
    風險標記：{ $flags }
    已完成的步驟：
    { $steps }
    期限：
    { $deadlines }
    證據：{ $evidence }
    建議下一步：{ $next }

staff-reason-asked_for_human = 使用者要求真人服務
staff-reason-stuck = 使用者卡住了（同一個問題出現三次）
staff-reason-police_route = 有詐騙跡象或金額較大：報警流程
staff-reason-unresolved_after_escalation = 經銀行和主管機關申訴後仍未解決
staff-next-asked_for_human = 查看已完成的步驟，然後用使用者的語言告訴他下一步具體怎麼做。
staff-next-stuck = 問清楚使用者想表達什麼，幫他補上缺少的資訊，並指出下一步。
staff-next-police_route = 確認卡片已凍結、已報案；協助向發卡銀行提出書面爭議申請。
staff-next-unresolved_after_escalation = 查看證據和銀行的答覆；就調解、仲裁或訴訟提供建議。

staff-role-cardholder = 持卡人
staff-role-merchant = 商家
staff-flag-fraud = 可能是詐騙
staff-flag-scam = 詐騙電話
staff-flag-large = 金額較大
staff-flags-none = 無
staff-evidence = { $count ->
    [0] 暫無
   *[other] { $count } 個檔案（見下方）
}

staff-unknown-case = 沒有案件 { $case_id }。
staff-help-intro = 客服指令：
cmd-queue = 待處理的轉真人客服案件，最早的在前
cmd-case = 案件摘要和備註
cmd-case-args = 編號
cmd-take = 接手案件（使用者的訊息會轉到這裡）
cmd-take-args = 編號
cmd-reply = 以機器人的名義回覆使用者
cmd-reply-args = 編號 內容
cmd-note = 內部備註
cmd-note-args = 編號 內容
cmd-close = 結案，並通知使用者
cmd-close-args = 編號 resolved|refunded|rejected|police|other [備註]
staff-queue-empty = 沒有待處理的轉真人客服案件。
staff-queue-title = 待處理的轉真人客服案件：{ $count } 個
staff-unassigned = 未接手
staff-notes-title = 備註和回覆：
staff-taken = 案件 { $case_id } 已由 { $staff } 接手。
staff-replied = 已傳給案件 { $case_id } 的使用者，並記錄在案件裡。
staff-noted = 已在案件 { $case_id } 上備註。
staff-closed = 案件 { $case_id } 已結案（{ $outcome }），已通知使用者。
staff-not-allowed = 只有客服人員可以使用這些指令。（本次嘗試已記錄。）
staff-relay = 💬 案件 { $case_id }（由 { $staff } 接手）：{ $text }

staff-reason-large_amount = 金額達到或超過報案參考金額
staff-next-large_amount = 確認使用者安全，如有疑點先凍結卡片；核實事實，指導書面爭議申請；如有故意跡象，協助報案。
staff-transcript-title = 最近的訊息（UTC）：
staff-reason-regulator_route = 向主管機關或國際信用卡組織進一步申訴
staff-next-regulator_route = 核對書面申訴和證據是否齊全、期限是否臨近；協助使用者向正確的機關申訴。

# 待審核的店名。
cmd-shops = 等待審核的店名
cmd-approve = 審核通過店名：此後該商家的連結會向顧客顯示店名
cmd-approve-args = 代碼 [anyway]
cmd-reject = 拒絕店名（或撤銷已通過的審核），並告知商家原因
cmd-reject-args = 代碼 原因
staff-merchant-review =
    🏪 有商家登記了店名。只有您審核通過後，顧客才會看到它。
    店名：「{ $shop }」
    代碼：{ $code } · 登記人：{ $owner } · 端末機代號：{ $terminals }
    通過：/approve { $code } · 拒絕：/reject { $code } 原因
staff-merchant-same-name = ⚠ 已有商家登記了相同的店名：{ $list }
staff-merchant-breaks-rules = ⚠ 這個店名違反了店名規則：{ $rule }
staff-review-pending = 等待審核
staff-review-approved = 已通過
staff-review-rejected = 已拒絕
staff-shops-empty = 沒有等待審核的店名。
staff-shops-title = 等待審核的店名：{ $count } 個（/approve 代碼 · /reject 代碼 原因）
staff-merchant-unknown = 沒有代碼為 { $code } 的商家登記紀錄。
staff-merchant-already-approved = 「{ $shop }」（{ $code }）已經通過審核。
staff-merchant-cannot-approve = { $code } 無法通過審核：其店名違反了店名規則（{ $rule }）。請用 /reject { $code } 原因 拒絕。
staff-merchant-same-name-approve =
    尚未通過：「{ $shop }」與 { $list } 同名。
    請先確認是同一個商家（另一間分店或換了店主），再用 /approve { $code } anyway 通過；或用 /reject { $code } 原因 拒絕。
staff-merchant-approved = 已通過：「{ $shop }」（{ $code }）。該商家的連結現在會向顧客顯示店名；已通知商家。
staff-merchant-rejected = 已拒絕：「{ $shop }」（{ $code }）：{ $reason }。已通知商家。
staff-shops-line = • 「{ $shop }」 — { $code } — { $owner } — { $since } UTC
staff-merchant-other = { $code } 「{ $shop }」（{ $state }）

cmd-assign = 把案件轉交給另一位客服人員
cmd-assign-args = 編號 客服ID
staff-assigned = 案件 { $case_id } 已轉交給 { $staff }。
cmd-console = 取得客服主控台的登入連結（以私訊傳給您）
staff-console-sent = 登入連結已透過私訊傳給您。（如果沒有收到，請先開啟與我的私人對話並按「開始」，然後再試一次。）
staff-console-link = 這是您的客服主控台登入連結，只能使用一次，{ $minutes } 分鐘內有效；請勿轉傳：
    { $link }
staff-console-off = 客服主控台未啟用（啟動機器人時加上 --console）。
staff-console-unsent = 無法把登入連結私訊給您：請先開啟與我的私人對話並按「開始」，然後再試一次。
