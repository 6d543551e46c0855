# Texts for support staff: hand-off summaries and staff commands. Staff read them in the staff language
# (settings: [staff] language).

staff-summary =
    🆘 Hand-off — case { $case_id }
    Why: { $reason }
    Language: { $language } · Role: { $role } · Jurisdiction: { $jurisdiction }
    Problem: { $error_type }
    Amount: { $amount }
    Payment time: { $txn_time }
    Merchant: { $merchant }
    Card ending: { $card_last4 }
    Risk flags: { $flags }
    Steps done:
    { $steps }
    Deadlines:
    { $deadlines }
    Evidence: { $evidence }
    Recommended next: { $next }

staff-reason-asked_for_human = the person asked for a human
staff-reason-stuck = the person is stuck (the same question three times)
staff-reason-police_route = signs of fraud or a large amount: police route
staff-reason-unresolved_after_escalation = still unresolved after the bank and the regulators
staff-next-asked_for_human = Read the steps done, then answer the person in their language with the next concrete step.
staff-next-stuck = Ask what they are trying to tell us; fill in the missing fact for them and point to the next step.
staff-next-police_route = Check the card is frozen and a police report is filed; help with the written dispute to the issuing bank.
staff-next-unresolved_after_escalation = Review the evidence and the bank's answers; advise on mediation, arbitration or a court claim.

staff-role-cardholder = cardholder
staff-role-merchant = merchant
staff-flag-fraud = possible fraud
staff-flag-scam = scam call
staff-flag-large = large amount
staff-flags-none = none
staff-evidence = { $count ->
    [0] none yet
    [one] 1 file (copied below)
   *[other] { $count } files (copied below)
}

staff-unknown-case = There is no case { $case_id }.
staff-help-intro = Staff commands:
cmd-queue = open hand-offs, oldest first
cmd-case = a case's summary and notes
cmd-case-args = ID
cmd-take = take a case (the person's messages come to you here)
cmd-take-args = ID
cmd-reply = answer the person in the bot's name
cmd-reply-args = ID text
cmd-note = an internal note
cmd-note-args = ID text
cmd-close = close a case; the person is told
cmd-close-args = ID resolved|refunded|rejected|police|other [note]
staff-queue-empty = No open hand-offs.
staff-queue-title = Open hand-offs: { $count }
staff-unassigned = not taken
staff-notes-title = Notes and replies:
staff-taken = Case { $case_id } is now with { $staff }.
staff-replied = Sent to the person of case { $case_id }, and noted on the case.
staff-noted = Noted on case { $case_id }.
staff-closed = Case { $case_id } closed ({ $outcome }); the person has been told.
staff-not-allowed = Only support staff can use these commands. (This attempt was logged.)
staff-relay = 💬 Case { $case_id } (taken by { $staff }): { $text }

staff-reason-large_amount = the amount is at or over the police threshold
staff-next-large_amount = Check the person is safe and the card is frozen if anything is unclear; confirm the facts and guide the written dispute, or the police report if there are signs of intent.
staff-transcript-title = Recent messages (UTC):
staff-reason-regulator_route = escalating to the regulators / card network
staff-next-regulator_route = Check the written complaint and evidence are complete and the deadlines; help the person file with the right body.

# Shops' names to review.
cmd-shops = shop names waiting for review
cmd-approve = approve a shop's name: its link greets customers with it
cmd-approve-args = CODE [anyway]
cmd-reject = refuse a shop's name (or withdraw an approval); the shop is told why
cmd-reject-args = CODE reason
staff-merchant-review =
    🏪 A shop registered a name. Customers see it only once you approve it.
    Name: «{ $shop }»
    Code: { $code } · registered by { $owner } · terminals: { $terminals }
    Approve: /approve { $code } · Refuse: /reject { $code } reason
staff-merchant-same-name = ⚠ The same name is registered already: { $list }
staff-merchant-breaks-rules = ⚠ This name breaks the name rules: { $rule }
staff-review-pending = waiting for review
staff-review-approved = approved
staff-review-rejected = rejected
staff-shops-empty = No shop names are waiting for review.
staff-shops-title = Shop names waiting for review: { $count } (/approve CODE · /reject CODE reason)
staff-merchant-unknown = There is no shop registration { $code }.
staff-merchant-already-approved = «{ $shop }» ({ $code }) is approved already.
staff-merchant-cannot-approve = { $code } cannot be approved: its name breaks the name rules ({ $rule }). Refuse it with /reject { $code } reason.
staff-merchant-same-name-approve =
    Not approved yet: «{ $shop }» is the same name as { $list }.
    Check it is the same business (another branch, a new owner), then approve it with /approve { $code } anyway — or refuse it with /reject { $code } reason.
staff-merchant-approved = Approved: «{ $shop }» ({ $code }). Its link now greets customers with the name; the shop has been told.
staff-merchant-rejected = Refused: «{ $shop }» ({ $code }): { $reason }. The shop has been told.
staff-shops-line = • «{ $shop }» — { $code } — { $owner } — { $since } UTC
staff-merchant-other = { $code } «{ $shop }» ({ $state })

cmd-assign = hand a case to another staff member
cmd-assign-args = ID USER_ID
staff-assigned = Case { $case_id } is now with { $staff }.
cmd-console = a sign-in link to the support console in your browser (sent to you privately)
staff-console-sent = I have sent you a sign-in link in a private chat with me. (If nothing came, open a chat with me and press Start, then ask again.)
staff-console-link = Your sign-in link to the support console. It works once, within { $minutes } minutes; do not pass it on:
    { $link }
staff-console-off = The support console is not running (start the bot with --console).
staff-console-unsent = I could not send you the sign-in link: open a private chat with me and press Start, then ask again.
