# 給客服職員的文字：轉交真人摘要和客服指令，使用客服語言（設定：[staff] language）。

staff-summary =
    🆘 轉交真人客服 — 個案 { $case_id }
    原因：{ $reason }
    語言：{ $language } · 身份：{ $role } · 適用地區：{ $jurisdiction }
    問題：{ $error_type }
    金額：{ $amount }
    付款時間：{ $txn_time }
    商戶：{ $merchant }
    卡號最後4位數字：{ $card_last4 }
    風險標記：{ $flags }
    已完成的步驟：
    { $steps }
    期限：
    { $deadlines }
    證據：{ $evidence }
    建議下一步：{ $next }

staff-reason-asked_for_human = 用戶要求真人客服
staff-reason-stuck = 用戶未能繼續（同一條問題出現了三次）
staff-reason-police_route = 有詐騙跡象或金額較大：報警程序
staff-reason-unresolved_after_escalation = 向銀行及監管機構投訴後仍未解決
staff-next-asked_for_human = 查看已完成的步驟，然後用用戶的語言告訴對方具體的下一步。
staff-next-stuck = 問清楚用戶想表達甚麼，替對方補上欠缺的資料，並指出下一步。
staff-next-police_route = 確認卡已凍結、已報警；協助向發卡銀行提交書面爭議申請。
staff-next-unresolved_after_escalation = 查看證據及銀行的答覆；就調解、仲裁或訴訟提供建議。

staff-role-cardholder = 持卡人
staff-role-merchant = 商戶
staff-flag-fraud = 可能涉及詐騙
staff-flag-scam = 詐騙電話
staff-flag-large = 金額較大
staff-flags-none = 無
staff-evidence = { $count ->
    [0] 暫無
   *[other] { $count } 個檔案（見下方）
}

staff-unknown-case = 沒有個案 { $case_id }。
staff-help-intro = 客服指令：
cmd-queue = 待處理的轉交個案，最早的排先
cmd-case = 個案摘要及備註
cmd-case-args = 編號
cmd-take = 接手個案（用戶的訊息會轉到這裏）
cmd-take-args = 編號
cmd-reply = 以機械人的名義回覆用戶
cmd-reply-args = 編號 內容
cmd-note = 內部備註
cmd-note-args = 編號 內容
cmd-close = 結束個案，並通知用戶
cmd-close-args = 編號 resolved|refunded|rejected|police|other [備註]
staff-queue-empty = 沒有待處理的轉交個案。
staff-queue-title = 待處理的轉交個案：{ $count } 個
staff-unassigned = 未有人接手
staff-notes-title = 備註及回覆：
staff-taken = 個案 { $case_id } 已由 { $staff } 接手。
staff-replied = 已傳送給個案 { $case_id } 的用戶，並已記錄在個案中。
staff-noted = 已在個案 { $case_id } 加上備註。
staff-closed = 個案 { $case_id } 已結束（{ $outcome }），已通知用戶。
staff-not-allowed = 只有客服職員可以使用這些指令。（這次嘗試已被記錄。）
staff-relay = 💬 個案 { $case_id }（由 { $staff } 接手）：{ $text }

staff-reason-large_amount = 金額達到或超過報警參考金額
staff-next-large_amount = 確認用戶安全，如有疑點先凍結卡；核實事實，指導書面爭議申請；如有蓄意跡象，協助報警。
staff-transcript-title = 最近的訊息（UTC）：
staff-reason-regulator_route = 進一步向監管機構或信用卡組織投訴
staff-next-regulator_route = 核對書面投訴及證據是否齊備、期限是否將至；協助用戶向正確的機構投訴。

# 待審核的店名。
cmd-shops = 等候審核的店名
cmd-approve = 批准店名：之後該商戶的連結會向顧客顯示店名
cmd-approve-args = 代碼 [anyway]
cmd-reject = 拒絕店名（或撤銷已批准的審核），並告知商戶原因
cmd-reject-args = 代碼 原因
staff-merchant-review =
    🏪 有商戶登記了店名。只有在你批准後，顧客才會看到店名。
    店名：「{ $shop }」
    代碼：{ $code } · 登記人：{ $owner } · 終端機編號：{ $terminals }
    批准：/approve { $code } · 拒絕：/reject { $code } 原因
staff-merchant-same-name = ⚠ 已有商戶登記了相同的店名：{ $list }
staff-merchant-breaks-rules = ⚠ 這個店名違反了店名規則：{ $rule }
staff-review-pending = 等候審核
staff-review-approved = 已批准
staff-review-rejected = 已拒絕
staff-shops-empty = 沒有等候審核的店名。
staff-shops-title = 等候審核的店名：{ $count } 個（/approve 代碼 · /reject 代碼 原因）
staff-merchant-unknown = 沒有代碼為 { $code } 的商戶登記記錄。
staff-merchant-already-approved = 「{ $shop }」（{ $code }）已獲批准。
staff-merchant-cannot-approve = { $code } 不能獲批准：其店名違反了店名規則（{ $rule }）。請用 /reject { $code } 原因 拒絕。
staff-merchant-same-name-approve =
    尚未批准：「{ $shop }」與 { $list } 同名。
    請先確認是同一間商戶（另一間分店或已轉手），再用 /approve { $code } anyway 批准；或用 /reject { $code } 原因 拒絕。
staff-merchant-approved = 已批准：「{ $shop }」（{ $code }）。該商戶的連結現在會向顧客顯示店名；已通知商戶。
staff-merchant-rejected = 已拒絕：「{ $shop }」（{ $code }）：{ $reason }。已通知商戶。
staff-shops-line = • 「{ $shop }」 — { $code } — { $owner } — { $since } UTC
staff-merchant-other = { $code } 「{ $shop }」（{ $state }）

cmd-assign = 把個案轉交另一位客服職員
cmd-assign-args = 編號 職員ID
staff-assigned = 個案 { $case_id } 已轉交 { $staff }。
cmd-console = 取得客服控制台的登入連結（以私訊發給你）
staff-console-sent = 登入連結已經私訊給你。（如果沒有收到，請先打開與我的私人對話並按「開始」，然後再試一次。）
staff-console-link = 這是你的客服控制台登入連結，只可使用一次，{ $minutes } 分鐘內有效；請勿轉發：
    { $link }
staff-console-off = 客服控制台未啟用（啟動機械人時加上 --console）。
staff-console-unsent = 無法把登入連結私訊給你：請先打開與我的私人對話並按「開始」，然後再試一次。
