# Texts the code itself uses (i18n::UI_KEYS): commands, errors, formats. The decision tree's texts are in
# flow.ftl. Every key here exists in every locale with the same placeholders; `swipefix flow check` checks.

ui-lang-name = English
# Each language by name, in this language (a letter copy "in Chinese (Simplified)").
language-en-US = English
language-zh-CN = Chinese (Simplified)
language-zh-TW = Chinese (Traditional, Taiwan)
language-zh-HK = Chinese (Traditional, Hong Kong)

ui-help-intro =
    I help when a card payment at a shop's terminal went wrong. Answer my questions with the buttons (type the number or the words) or by typing.
    Commands:
ui-help-outro = I will never ask for your full card number, CVV, PIN, password or SMS code.

ui-too-long = That message is too long for me (over { $max } characters). Please send a shorter one.
ui-card-kept-last4 = That looked like a full card number. I kept only the last 4 digits ({ $last4 }) and did not store the rest. Never send your full card number in a chat.
ui-card-removed = That message seemed to hold a full card number (ending { $last4 }), so I did not keep it. I never need your full card number — only the last 4 digits when I ask for them. Please answer again without it.
ui-card-split-kept-last4 = Those messages together looked like a full card number sent in parts. I kept only the last 4 digits ({ $last4 }) and removed the rest. Never send your full card number in a chat, whole or in parts.
ui-card-split-removed = Those messages together looked like a full card number sent in parts, so I removed them and kept none of it. I never need your full card number — only the last 4 digits when I ask for them.
ui-secret-refused = Please never share a CVV, PIN, password or SMS/verification code — not with me, your bank, the shop or anyone who calls you. I have not stored that message. If someone asked you for it, read this carefully:
ui-choose-button = Please pick one of the options: press a button, or type its number.
ui-bad-amount = I couldn't read that amount. Please type just the number, for example { $example }.
ui-bad-amount-positive = The amount must be more than zero. Please type it again, for example { $example }.
ui-bad-amount-large = That amount looks too large for a card payment. Please check it and type it again, for example { $example }.
ui-bad-amount-decimals = Please use at most two decimals, for example { $example }.
ui-bad-date = I couldn't read that date. Please type it like 2026-11-25 14:30, or "today 14:30", or "yesterday".
ui-bad-date-future = That date is in the future. When did the payment happen? For example: yesterday 18:05.
ui-bad-date-old = That date is too far back for me to help with. Please check it, for example 2026-11-25.
ui-bad-yesno = Please answer yes or no (or press a button).
ui-bad-last4 = Please type only the last 4 digits of your card, for example 1234. Never the whole number.
ui-bad-text-empty = Please type a short answer.
ui-bad-text-long = Please keep it under 500 characters.
ui-bad-text-number = That is only a number. Please type a name with letters, for example as it is written on the slip or in the bank SMS.
ui-stale-button = That button belongs to an earlier question. Here is where we are now:
ui-stuck-handoff = It looks like we are going round in circles. I have asked a person from our support team to look at your case; they will answer here. You can keep going meanwhile.
ui-nothing-back = This is the first question; there is nothing to go back to.
ui-unknown-command = I don't know that command. Send /help to see what I understand.
ui-case-closed = Case { $case_id } is finished ({ $outcome }). Send /status to see it, or /start to open a new case.
ui-flow-changed = My guide has been updated since we last spoke, so we start again from the beginning. Your answers so far are kept.
ui-status = Case { $case_id } — status: { $status }. Current step: { $step }.
ui-status-facts =
    Amount: { $amount }
    Payment time: { $txn_time }
    Card ending: { $card_last4 }
    Merchant: { $merchant_name }
ui-status-steps =
    Steps done:
    { $steps }
ui-status-no-steps = No steps recorded yet.
ui-welcome-back = Welcome back. We continue your case { $case_id } where you left off.
ui-new-case = New case { $case_id }. Keep this number: support staff will ask for it.
ui-lang-changed = Language changed to English.
ui-lang-unknown = I don't have the language "{ $tag }". Available: { $available }. Example: /lang zh-CN
ui-forget-confirm = This deletes all { $count } of your cases and answers for good. To confirm, send: /forget yes
ui-forgotten = Done: { $count } case(s) and everything in them deleted. Send /start whenever you need help again.
ui-saved-bye = Your case { $case_id } is saved. Run me again to continue where you left off.
ui-save-failed = Sorry — I could not save that just now, so nothing changed. Please send it again in a moment.
ui-no-case = You have no case yet. Send /start to begin.

btn-yes = Yes
btn-no = No

status-open = open
status-waiting = waiting for the bank or the merchant
status-escalated = escalated
status-handed_off = with our support team
status-resolved = resolved
status-closed = closed

outcome-open = still open
value-missing = not given

# Money: $number is already grouped (1,280.50); only the symbol and its place are chosen here.
money = { $currency ->
    [CNY] CN¥{ $number }
    [USD] ${ $number }
    [EUR] €{ $number }
    [GBP] £{ $number }
    [HKD] HK${ $number }
    [TWD] NT${ $number }
    [SGD] S${ $number }
    [MOP] MOP${ $number }
    [XXX] { $number }
    [JPY] ¥{ $number }
   *[other] { $number } { $currency }
}
date = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
} { $day }, { $year }
time = { $hour12 }:{ $minute } { $pm ->
    [yes] PM
   *[no] AM
}
datetime = { $date }, { $time }

ui-file-received = Got it: { $count ->
    [one] 1 file is
   *[other] { $count } files are
} now kept with your case as evidence. Keep the originals safe.
ui-file-not-here = Thanks — I can keep photos and files only at the evidence step. Please answer the question first; I'll ask for them.
ui-unsupported-message = I can only read text, buttons, and photos or files at the evidence step. Please type your answer.
ui-flood = You're sending messages faster than I can read them. Please wait a few seconds, then send your answer once.
ui-lang-choose = Choose your language:
ui-you-chose = ✓ { $choice }
ui-duplicate-ignored = I already answered that message.
step-evidence_received = Evidence sent (photos or files)

cmd-start = Start a new case
cmd-status = Where my case stands
cmd-back = Go back one question
cmd-lang = Change the language
cmd-human = Ask for a person
cmd-scam = Someone is pressuring me for money or codes
cmd-help = What I can do
cmd-forget = Delete everything about me
cmd-cases = See my cases and switch between them
cmd-remind = Stop follow-up messages (/remind off)
cmd-opencase = For shops: open a case for a customer
cmd-mycases = For shops: cases from my customers
ui-remind-usage = Send /remind off to stop follow-up messages for this case.
ui-cases =
    Your cases: { $count }
    { $list }
ui-cases-hint = Press a case, or send /cases followed by its number, to go back to it.
ui-cases-none = You have no cases yet. Send /start to open one.
ui-cases-current = (current)
ui-cases-switched = Case { $case_id } is your current case again. This is where it stands:
ui-cases-unknown = { $case_id } is not one of your cases.

ui-staff-taken = A person from our support team has your case now and will answer here. You can write to them directly.
ui-staff-reply = 💬 From our support team: { $text }
ui-staff-closed = Your case { $case_id } is closed: { $outcome }. Thank you. Send /start if you need help again.
ui-relayed = Passed on to our support team.
outcome-staff_resolved = resolved by our support team
outcome-staff_refunded = refunded
outcome-staff_rejected = the claim was not accepted
outcome-staff_police = handed to the police
outcome-staff_other = closed by our support team

ui-merchant-usage =
    For shops: register with /merchant followed by your shop's name and, after a semicolon, your terminal ids.
    Example: /merchant Corner Shop; 12345678, 87654321
    Then: /opencase opens a case for a customer you charged wrongly (they get a link to join it), and /mycases shows the status of cases from your customers.
ui-merchant-registered =
    { $shop } is registered (terminals: { $terminals }).
    Your link for customers: { $link }
    Print the QR code below and keep it at the till: customers who start through it have your shop on their case.
ui-merchant-case-opened =
    Case { $case_id } is open. Give your customer this link (or the QR code below); it attaches them to the case:
    { $link }
ui-merchant-cases =
    Cases from customers of { $shop }: { $count }
    { $list }
ui-referred-by = You came through the link of the shop registered with us as «{ $shop }». I'll note the shop on your case.
ui-joined-case = You joined case { $case_id }, opened for you by the shop registered with us as «{ $shop }». Let's go through it together.
cmd-merchant = For shops: register and get a link
ui-reminder = ⏰ Checking back on your case, as promised. (Send /remind off to stop these.)
ui-remind-off = OK, no more follow-up messages for this case.
ui-snoozed = All right. I'll ask you again on { $date }. You can answer any time before that.
ui-resent = I was restarted just after your last message and may not have answered it. This is where we are:
btn-snooze = Ask me again later
ui-letter-caption = Written application, case { $case_id } ({ $language })
ui-letter-bank-copy = Your bank works in { $language }, so I've also made a copy in { $language } to hand in.
ui-file-saved = 📄 Saved as { $path }
letter-blank = ____________
ui-evidence-full = Your case already holds { $max } files, which is as many as I keep. Staff can ask you for anything more they need.
ui-handoff-again-later = This case is closed, and support staff were told about it recently. I can pass it on again { $hours ->
    [one] an hour
   *[other] { $hours } hours
} after that; if something new happened, /start opens a new case.

# Shops: review of a shop's name by staff, and the rules a name must keep.
ui-referred-unvetted = You came through a shop's link. I'll note it on your case.
ui-joined-case-unvetted = You joined case { $case_id }, which a shop opened for you. Let's go through it together.
ui-merchant-review-pending = Our staff check every shop name before customers see it. Until then your link works, but customers are not told your shop's name. You'll get a message here when it is checked.
ui-merchant-review-approved = Your shop's name is approved: customers who come through your link see it.
ui-merchant-review-rejected = Our staff did not approve this name: { $reason }. Your link works without the name; to register another name, send /merchant followed by it.
ui-merchant-approved = Your shop name «{ $shop }» is approved: customers who come through your link now see it.
ui-merchant-rejected = Our staff did not approve the shop name «{ $shop }»: { $reason }. Your link still works, without the name. To register another name, send /merchant followed by it.
ui-merchant-name-lines = A shop name must be one line. Please send /merchant with the name on one line.
ui-merchant-name-length = A shop name must be { $min } to { $max } characters long.
ui-merchant-name-email = A shop name can't contain an e-mail address. Please send just your shop's name.
ui-merchant-name-link = A shop name can't contain a web address or link. Please send just your shop's name.
ui-merchant-name-handle = A shop name can't contain an @handle. Please send just your shop's name.
ui-merchant-name-number = A shop name can't contain a phone number or another long number (at most { $digits } digits). Please send just your shop's name.
ui-merchant-name-chars = A shop name may hold only letters, digits, spaces and these marks: { $allowed }
ui-merchant-name-no-letters = A shop name needs letters or digits.
ui-merchant-name-scripts = A shop name can't mix Latin letters with Cyrillic or Greek ones: they look alike and are used to imitate other names.
ui-merchant-name-word = A shop name can't contain “{ $word }”. Words that sound like this service, a bank or customer support are not allowed, so that no one can pretend to be them. Please use your shop's own name.
# Words a shop name may not hold, separated by commas. Every language's list applies to every name.
merchant-name-blocklist = support, refund, bank, banking, swipefix, swipe fix, official, helpdesk, help desk, customer service, customer care, service center, service centre, hotline, admin, administrator, moderator, verification, verify, security, fraud, police, compensation, chargeback, dispute, visa, mastercard, unionpay, union pay, amex, american express, alipay, wechat pay, paypal, telegram, icbc, hsbc, citibank

# Reading a person's own story: what the bot understood, to confirm or choose (never acted on unconfirmed).
ui-understood = It sounds like { $problem }.
ui-understood-confirm = Is that right?
ui-understood-which = I'm not sure I understood. Which of these is closest to what happened?
ui-understood-pick = Press the one that fits, or "None of these" to choose from the full list.
ui-understood-facts =
    From your message I noted:
    { $facts }
    You can correct any of it before the letter is written.
ui-understood-thanks = Thank you — I won't ask again what you already told me.
ui-understood-declined = Sorry, I misunderstood. Please choose below.
btn-understood-yes = Yes, that's right
btn-understood-no = No — let me choose
value-unknown = not known
btn-dont-know = I don't know
understood-failed_deducted = the terminal said the payment failed, but the money was taken
understood-failed_deducted-btn = It failed, but money was taken
understood-double = you were charged twice for one purchase
understood-double-btn = Charged twice
understood-wrong_amount_over = you were charged more than the price
understood-wrong_amount_over-btn = Charged too much
understood-wrong_amount_under = you were charged less than the price, and the shop wants the rest
understood-wrong_amount_under-btn = Charged too little
understood-wrong_merchant = the payment went to a different shop than the one you paid
understood-wrong_merchant-btn = Paid the wrong shop
understood-terminal_fault = the card terminal broke down or froze during the payment
understood-terminal_fault-btn = The terminal broke down
understood-unrecognised = there is a charge on your card that you did not make
understood-unrecognised-btn = A charge I don't recognise
understood-refund_missing = the shop agreed to a refund that has not reached you
understood-refund_missing-btn = A refund never arrived
understood-qr_wallet = you paid by QR code or with an e-wallet, not with a card at the terminal
understood-qr_wallet-btn = QR code or e-wallet
understood-online = you bought something online, not at a shop's terminal
understood-online-btn = Bought online
understood-merchant = you run the shop and a customer's card payment went wrong
understood-merchant-btn = I run the shop
understood-scam = someone contacted you pretending to be your bank or another official
understood-scam-btn = A suspicious call or message
fact-amount = Amount
fact-txn_time = When
fact-merchant_name = Shop
fact-card_last4 = Card ending
fact-jurisdiction = Card from

# A date that reads more than one way is never guessed.
ui-date-which =
    That date can be read more than one way:
    { $dates }
    Which did you mean? Please type it again with the month as a word (like 3 Nov) or as year-month-day (2026-11-03).

# A reply that waits for the sending budget: said once, before it.
ui-busy = Many people are writing right now. Your message is saved; I'll reply in about { $seconds } seconds.
