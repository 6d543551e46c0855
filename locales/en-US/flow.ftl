## swipefix — texts of the decision tree (flows/*.toml).
## Every key here exists in every locale with the same placeholders.
## Numbers, days, hotlines and regulator names come from flows/jurisdictions/*.toml as placeholders.

## Step titles (shown by /status)

title-welcome = Start
title-role = Your role
title-scam = Scam warning
title-human = Waiting for a person
title-safety = Safety check
title-error-type = What went wrong
title-freeze = Freeze the card
title-stop = Stop and keep everything
title-details = Payment details
title-intent = Fraud check
title-police = Police report
title-timing = Void, refund or reversal
title-evidence = Evidence
title-waiting-reversal = Waiting for the automatic reversal
title-merchant = Contact the shop
title-waiting-refund = Waiting for the refund
title-bank = Call the bank
title-application = Written application
title-card-region = Rules for your card
title-waiting-bank = Waiting for the bank
title-escalation = Complaint
title-monitor = Watch your account
title-summary = Summary
title-m-error = What happened (shop)
title-m-check = Check your records
title-m-fix = Fix the payment
title-m-prevention = Prevention

## Case outcomes (final = "...") and recorded steps (done = "..."), shown by /status

outcome-resolved = resolved
outcome-escalated = escalated, with our support team
step-stopped = Stopped: no more attempts, card kept or frozen
step-evidence_listed = Evidence listed
step-contacted_merchant = Contacted the shop
step-called_bank = Called the bank
step-application_written = Written application prepared
step-escalated = Complaint escalated

## Welcome and role

welcome =
    Hello, I'm swipefix. I help when a card payment at a shop's terminal went wrong:
    • charged twice
    • wrong amount
    • money taken although the payment "failed"
    • paid the wrong shop
    • a terminal fault
    • a charge you don't recognise
    I'll go through it with you step by step. Shops that ran the terminal can use me too.
    At any time: type /human to reach a person, or /scam if someone is pressuring you right now.
welcome-privacy =
    Your safety comes first. I will never ask for your full card number, the CVV (the 3 digits on the back), your PIN, a password or an SMS code. The most I ask for is the last 4 digits of the card.
    Anyone who asks you for more is not helping you.
ask-jurisdiction = Where was the card issued? (It's the country of the bank on the card, whatever its network: UnionPay, Visa, Mastercard… If you run the shop: where is the shop?)
btn-jurisdiction-cn = Mainland China
btn-jurisdiction-hk = Hong Kong
btn-jurisdiction-mo = Macau
btn-jurisdiction-tw = Taiwan
btn-jurisdiction-sg = Singapore
btn-jurisdiction-uk = United Kingdom
btn-jurisdiction-eu = EU / EEA
btn-jurisdiction-us = United States
btn-jurisdiction-other = Somewhere else
ask-us-card-kind = Is it a credit card or a debit card? US law protects them differently.
btn-us-credit = Credit card
btn-us-debit = Debit card
ask-zone = Which time zone are you in? I count "today" and every time limit in it.
btn-zone-us-eastern = Eastern (New York)
btn-zone-us-central = Central (Chicago)
btn-zone-us-mountain = Mountain (Denver)
btn-zone-us-arizona = Arizona (Phoenix)
btn-zone-us-pacific = Pacific (Los Angeles)
btn-zone-us-alaska = Alaska (Anchorage)
btn-zone-us-hawaii = Hawaii (Honolulu)
btn-zone-eu-western = Western Europe (Lisbon, Dublin)
btn-zone-eu-central = Central Europe (Berlin, Paris, Rome, Madrid)
btn-zone-eu-eastern = Eastern Europe (Helsinki, Athens, Bucharest)
ask-role = Who are you in this payment?
btn-cardholder = I paid with my card
btn-merchant = I run the shop or the terminal

## Scam warning (interrupt and safety gate)

scam-warning =
    Stop — this may be a scam.
    • Someone on the phone or in a chat says they are your bank, "customer service", a platform or the police, and offers a refund? Hang up now.
    • Call your bank back yourself, only on the number printed on the back of your card.
    • Never share an SMS or verification code, your PIN, the CVV or your screen. Don't click their links or install their apps.
    • Never move money to a "safe account", and never take out a loan "to verify your account".
    • "We refunded you too much, send back the difference" is a scam. So are "recovery" services that want a fee to get lost money back.
    • Phone numbers on web pages can be fake. Use only the number on your card or one this bot gives you.
scam-if-shared = Already shared a code, PIN or card details, or was money taken? Freeze your card now: tap the button below.
ask-scam-next = What would you like to do?
btn-resume = Continue where I was
btn-freeze-card = Freeze my card / report a charge I don't recognise
ask-safety-gate = First, a safety check. Is someone on the phone or in a chat with you right now, saying they are the bank, customer service, a platform or the police, and offering you a refund?
ask-scam-live = Have you hung up? Did you share any code, PIN, card details or your screen?
btn-hung-up = I hung up and shared nothing
btn-shared-details = I shared something / money was taken

## Talk to a person (interrupt)

human-handoff = I've passed your case to our support team. A person will answer you here in this chat.
human-meanwhile =
    Your case number: { $case_id }
    While you wait:
    • Don't retry the payment, and keep your card.
    • Money taken that you don't recognise, or you shared a code or PIN? Freeze the card now: call the number printed on the back of your card.
    • Keep the slip, the bank SMS and screenshots.
    • Our team will never ask for your full card number, PIN, CVV or SMS code.
ask-human-next = You can keep going with me while you wait.

## What went wrong

ask-error-type = What went wrong?
btn-failed-deducted = Payment "failed" but money was taken
btn-double = Charged twice
btn-wrong-amount = Wrong amount
btn-wrong-merchant = Paid the wrong shop or account
btn-terminal-fault = The terminal froze or showed an error
btn-unrecognised = A charge I don't recognise
btn-qr-wallet = I paid by QR code or e-wallet (WeChat Pay, Alipay, FPS, PayNow…)
ask-fault-money-taken = Was any money taken from your account (a bank SMS, or the payment in your bank app)?
summary-fault-no-money =
    Summary — case { $case_id }
    The terminal failed and no money was taken: there is nothing to dispute.
    What to do next:
    1. Tell the shop the terminal failed, so that they report it to their terminal provider.
    2. Keep the slip or a photo of the error screen, if you have one.
    3. Check your bank SMS and statement over the next few days. If a payment appears after all, type /start and choose "Payment failed but money was taken".
wallet-advice =
    A QR-code or e-wallet payment (WeChat Pay, Alipay, FPS, PayNow, Octopus…) is not a card payment: the card rules and time limits I explain don't apply to it. Do this instead:
    1. Ask the shop first, as for a card payment: a refund goes back the way you paid.
    2. Complain inside the wallet's app: its "help" or "complaint" page, about the exact payment. Keep the reference number it gives you.
    3. If the wallet took the money from your card or bank account and won't help, tell that bank too.
    4. Someone asked you to scan a code or move money to "fix" a problem? That is a scam: stop and call the police.
wallet-hk = In Hong Kong, e-wallets and Octopus are stored-value facilities: complain to the wallet company first. If it doesn't help, the HKMA's information line is { $svf_line }. For a scam, the police Anti-Scam Helpline is { $fraud_line }.
wallet-cn = In mainland China, complain to the payment app first. If it doesn't resolve it, { $pboc_name } takes complaints about payments: { $pboc_line }. For a scam, call the police: { $police_line }.
summary-wallet =
    Summary — case { $case_id }
    A QR-code or e-wallet payment: the wallet's own complaint channel comes first.
    What to do next:
    1. The shop: ask for a refund the way you paid.
    2. The wallet app: complain about the exact payment and keep the reference number.
    3. Your bank, if the money came from your card or account.
    4. Keep screenshots of the payment and of every chat.
    If you also paid by card, type /start.
## Freeze the card now

freeze-now =
    Do this now, before anything else:
    1. Freeze the card or report it lost. Call { $bank_hotline }. If your bank app has a "freeze card" or "report lost" function, you can use that too.
    2. Tell the bank which charge you don't recognise, or what you shared (a code, PIN or card details).
    3. Ask for a reference number. Write it down with the date and time.
    If someone calls you about this, hang up and call the bank yourself.
freeze-cn-proof =
    Two more things help in mainland China:
    • Right after reporting, go to the nearest ATM or bank counter and do a transaction with the card there (for example a balance enquiry). It helps prove the card was still with you.
    • Report it to the police ({ $police_line }) and take the police receipt to the bank.
ask-money-taken = Once the card is frozen: has money already been taken?
btn-money-taken = Yes, money was taken
btn-taken-none = Nothing has been taken
summary-no-loss =
    Summary — case { $case_id }
    Your card is frozen and nothing has been taken.
    What to do next:
    1. Ask your bank about a replacement card.
    2. Check your bank SMS and statements over the next weeks. Report anything odd to the bank at once.
    3. If you shared a code, PIN, password or card details, tell the bank and report it to the police.
    4. A real bank never calls to "help you get a refund". Hang up and call the number on the back of your card.

## Stop, then the payment details

stop-advice =
    First, stop:
    1. Don't pay again or retry on that terminal until it's clear what happened. Retrying is how most double charges happen.
    2. Keep your card with you.
    3. Keep everything: the slip or receipt, bank SMS, screenshots.
    4. Don't pay anyone a "difference" in cash or by transfer.
stop-advice-unrecognised =
    First, keep everything:
    1. Keep the bank SMS about the charge, screenshots from the bank app, and the reference number you got when you froze the card.
    2. Never pay anyone who promises to get the money back for a fee, and never move money to a "safe account".
    3. If anyone calls you about this charge, hang up and call your bank on the number printed on the back of your card.
details-intro = Now a few short questions about the payment. I'll use your answers for the letter to your bank.
ask-amount = How much was taken? If you were charged twice, enter the amount of one charge. Example: 128.50
ask-txn-time = When was the payment? Date and time, as on the slip or the bank SMS. Examples: yesterday 14:30, or May 18 14:30
ask-card-last4 =
    The last 4 digits of the card. Only these 4 — never the full number. Example: 1234
    Paid with your phone or watch (Apple Pay, Google Pay, Samsung Pay…)? The slip then shows the phone's own card number, with other last 4 digits. That's fine: give the ones on the slip or the bank SMS.
dcc-explain =
    You typed { $amount }, but your card is in { $currency }: this was a foreign-currency payment.
    • If the terminal offered to charge you in your own currency instead of the local one, that is "dynamic currency conversion": the shop's provider chooses the exchange rate, often a poor one. You should have been asked and shown the rate. If you weren't, tell your bank: that is a reason to dispute.
    • I keep both amounts: what the terminal showed, and what your card was charged.
ask-card-amount = How much was taken from your card, in your card's currency, as on the bank SMS or app? If it isn't shown yet, type the amount on the slip again.
ask-merchant-name = The name of the shop that took the money, as on the slip or the bank SMS (or as you know it).
ask-expected-amount = How much should it have been?
same-amount = You typed { $amount } for both: the amount charged and the right amount. Then it wasn't a wrong amount. Check the slip or the bank SMS: how much should it have been?
ask-amount-direction = You typed the same amount twice, so I can't tell what went wrong. Were you charged too much or too little?
btn-too-much = Too much
btn-too-little = Too little
summary-undercharged =
    Summary — case { $case_id }
    You were charged { $amount } at { $merchant_name } instead of { $expected_amount }: less than the price. No money of yours is at risk.
    What to do next:
    1. You don't need to do anything now.
    2. The shop may ask you to pay the difference. You do owe it, but only the exact difference, and the shop may charge your card again only with your agreement.
    3. Pay it as a new card payment at the shop and get a slip. Never transfer money to a personal account.
    4. If someone calls saying they are the shop or the bank and asks for money, hang up and contact the shop yourself.
    5. Keep the slip and check your statement for a second debit.

## Police check

ask-intent = This is a large amount. Is there any sign it was deliberate? For example: your card was taken out of your sight, the shop refuses to talk to you, or the shop seems to have disappeared.
police-cn =
    This is a matter for the police as well as the bank.
    1. Make sure the card is frozen or reported lost, above all if it was out of your sight: call { $bank_hotline }.
    2. Report it: call { $police_line } or go to a police station. Take the bank SMS and a statement showing { $amount } at { $merchant_name }, and the slip if you have one.
    3. Ask for the police receipt. The bank will want a copy.
    4. The anti-fraud warning line is { $fraud_line }.
    I've also flagged your case for our team. Meanwhile, let's collect your evidence.
police-intl =
    If this was fraud (a charge you didn't make, a copied card, or a deliberate overcharge):
    1. Make sure the card is frozen.
    2. Report it to the local police and keep the report reference. Your bank may ask for it.
    I've also flagged your case for our team. Meanwhile, let's collect your evidence.
police-hk =
    If this was fraud (a charge you didn't make, a copied card, or a deliberate overcharge):
    1. Make sure the card is frozen.
    2. Report it at a police station or through the police e-Report Centre, and keep the reference. In an emergency call { $police_line }.
    3. The police Anti-Scam Helpline { $fraud_line } gives advice at any hour; it does not take reports.
    I've also flagged your case for our team. Meanwhile, let's collect your evidence.
police-tw =
    If this was fraud (a charge you didn't make, a copied card, or a deliberate overcharge):
    1. Make sure the card is frozen.
    2. Report it to the police: { $police_line }, or a police station. Keep the report record: your bank may ask for it.
    3. The anti-fraud line { $fraud_line } gives free advice.
    I've also flagged your case for our team. Meanwhile, let's collect your evidence.
police-sg =
    If this was fraud (a charge you didn't make, a copied card, or a deliberate overcharge):
    1. Make sure the card is frozen.
    2. Report it to the police online or on the police hotline { $police_hotline }; in an emergency call { $police_line }. Keep the report reference.
    3. The ScamShield Helpline { $fraud_line } checks whether something is a scam and directs you to your bank; it cannot take police reports.
    I've also flagged your case for our team. Meanwhile, let's collect your evidence.
police-uk =
    If this was fraud (a charge you didn't make, a copied card, or a deliberate overcharge):
    1. Make sure the card is frozen. { $bank_connect_line } connects you safely to your bank.
    2. Report it to Report Fraud: { $fraud_web } or { $fraud_line } (England, Wales and Northern Ireland). In Scotland call Police Scotland on { $police_non_emergency }.
    3. In an emergency call { $police_line }. Keep every report reference.
    I've also flagged your case for our team. Meanwhile, let's collect your evidence.
police-us =
    If this was fraud (a charge you didn't make, a copied card, or a deliberate overcharge):
    1. Make sure the card is frozen.
    2. If you lost money, report it to your local police on their non-emergency number (in an emergency { $police_line }), and keep the report number.
    3. Report the scam to the FTC at { $fraud_web }. If your card details were stolen, also use { $identity_web }.
    I've also flagged your case for our team. Meanwhile, let's collect your evidence.
police-eu =
    If this was fraud (a charge you didn't make, a copied card, or a deliberate overcharge):
    1. Make sure the card is frozen.
    2. Report it to the local police and keep the report reference; in an emergency call { $police_line } (in every EU country).
    I've also flagged your case for our team. Meanwhile, let's collect your evidence.

## Timing: void, refund or automatic reversal

ask-double-failed = Did the terminal say that one of the two attempts failed (an error, or no slip)?
btn-double-failed-first = Yes, one attempt "failed"
btn-double-both-ok = No, both went through
void-advice =
    The payment was today, so the fastest fix is a void.
    • A void is possible { $void_cutoff }. { $merchant_name } cancels the wrong payment on the terminal, and the full amount comes back at once or within minutes.
    • { $error_type ->
        [double] Ask them to void only the second, duplicate payment, and to give you the void slip.
        [wrong_amount] Ask them to void the wrong payment and give you the void slip. Then they charge the right amount again and give you the new slip.
       *[other] Ask them to void only the wrong payment, and to give you the void slip.
      }
    • If their day is already closed, they do a refund instead.
    • Don't let them "fix" it in cash.
refund-advice =
    The payment was on { $txn_time }, not today: a void is no longer possible, so the shop does a refund instead.
    • The refund goes back to the same card, never in cash.
    • { $error_type ->
        [double] Only the second, duplicate charge is refunded.
        [wrong_amount] Only the overcharged part needs to come back (a partial refund).
       *[other] Ask for the whole amount back.
      }
    • It usually takes { $refund_days } working days to reach your account.
    • Ask for a refund slip or a written confirmation.
reversal-advice =
    When the terminal says "failed" but money is taken, it usually fixes itself: the terminal sends an automatic reversal with its next online transaction.
    • The money usually comes back within { $reversal_wait_days } working days.
    • You can ask the shop to check on their terminal whether the payment went through.
    • If it hasn't come back by then, your bank looks into it. I'll help you with that.

## Evidence

evidence-list =
    Keep all of this, and send copies — never originals:
    • the slip or receipt
    • the bank SMS
    • a screenshot of the bank app, or a statement
    • the order or the chat with the shop
    • a note of every call: date, time, who you spoke to
    In Telegram you can also send photos of them here: I'll keep them with your case.
evidence-bank-query =
    What the bank needs to find the payment:
    • card ending { $card_last4 } (the bank has the full number: don't send it to anyone)
    • date and time: { $txn_time }
    • amount: { $amount }
    • shop: { $merchant_name }
    • terminal ID and trace number, if they are on the slip
evidence-list-unrecognised =
    Keep all of this, and send copies — never originals:
    • the bank SMS about the charge
    • a screenshot of the bank app, or a statement
    • the reference number you got when you froze the card
    • the police report or receipt, if you reported it
    • a note of every call: date, time, who you spoke to
    In Telegram you can also send photos of them here: I'll keep them with your case.
ask-evidence = Do you have the slip or receipt?
btn-evidence-ok = Yes, I've kept it
btn-slip-missing = No slip, or I lost it
no-slip-tip =
    That's OK, you can still go ahead:
    • The bank SMS, an app screenshot or a statement proves the payment.
    • Ask the shop for a copy from their terminal records.
    • Write down now what you remember: time, place, what you bought, who served you.

## Waiting for the automatic reversal

ask-reversal-back = Has the money come back to your account? If it's too early to say, tap “Ask me again later”: I'll check back with you.
btn-money-back = Yes, it's back
btn-money-not-back = Not back after the waiting time

## The shop

merchant-contact =
    Next, contact { $merchant_name }: by phone, in person, or through the app or platform you used.
    Ask for:
    1. the void or refund explained above,
    2. back to the same card — never in cash,
    3. a void or refund slip, or a written confirmation.
    Note the date, the time and who you spoke to.
ask-merchant-agrees = What did the shop say?
btn-merchant-agreed = They agreed to void or refund
btn-merchant-cash = They offer cash instead
btn-merchant-refused = They refused
btn-merchant-unreachable = I can't reach them
cash-offer =
    Please don't accept cash for a card payment. It doesn't cancel the card transaction, and it leaves you with no record.
    Ask them to refund to the same card on their terminal. If they still won't, choose "They refused".
ask-merchant-agrees-after-cash = And then, what did the shop say?
merchant-refund =
    Good. Make sure that:
    • the money goes back to the same card, not in cash;
    • you get a void or refund slip, or a written confirmation with the amount and the date.
    A void shows at once or within minutes. A refund usually takes { $refund_days } working days. Keep the slip until the money is back.
ask-refund-arrived = Has the money reached your account? If it's too early, just come back later: your case stays open at this question.
btn-refund-arrived = Yes, it's back
btn-refund-missing = Not back in time
dispute-intro = That's OK: you don't need the shop's agreement. The bank that issued your card can dispute the payment. Next: call the bank, then send a written application. I'll write it for you.

## The bank

bank-call =
    Call your bank: { $bank_hotline }. Use only that number, not one from a web search or one someone gave you.
    Tell them:
    • { $error_type ->
        [failed_deducted] "A card payment failed, but the money was deducted, and I want it back",
        [unrecognised] "There is a card payment I did not make, and I want to dispute it",
       *[other] "I want to dispute a card payment",
      }
    • the card's last 4 digits, the date, time, amount and shop,
    • what is wrong, and that you want the money back.
    Ask for a reference number, and how to send a written application.
    { $network_contact }
call-log = For every call, write down the date, the time, the agent's name or number, and the reference number. Keep this note with your evidence.
ask-bank-called = Tap when you have called.
btn-bank-called = I've called the bank
btn-bank-unreachable = I can't get through
bank-called = Well done. A call alone is not enough: the written application is what the bank has to answer. Let's write it.
bank-unreachable = That's OK, you can still go ahead. The written application is what the bank has to answer, and you can send it without calling first. Keep trying the number on the back of your card, and note each attempt with the date and time.

## Written application

application-intro = Here is your written application (case { $case_id }). Check it, sign it, and give it to your bank with copies of your evidence. I've also made it a file you can print.
application-letter =
    Written application: disputed card payment
    Name: { $holder_name }
    Card ending: { $card_last4 }
    Transaction: { $txn_time }, { $amount }{ $card_charge }, { $merchant_name }
    Terminal ID and trace number (from the slip, if any): ____________
    What is wrong: { $error_type ->
        [failed_deducted] The terminal showed the payment as failed, but the amount was deducted from my account.
        [double] I was charged twice for one purchase. The second charge is a duplicate.
        [wrong_merchant] The payment went to the wrong merchant or account by mistake.
        [terminal_fault] The terminal had a fault during the payment, and the amount was deducted wrongly.
        [unrecognised] I did not make or authorise this payment. I reported the card on ____________.
       *[other] The payment was processed wrongly.
    }
    Amount in dispute: { $amount }
    I request: the reversal or refund of { $amount } to this card.
    Enclosed (copies): { $error_type ->
        [unrecognised] bank SMS or statement; the reference number of the card freeze; police receipt, if any; notes of my calls.
       *[other] slip or receipt; bank SMS or statement; order or chat record; notes of my calls.
    }
    Date: { $today }
    Signature: ____________
application-letter-wrong-amount =
    Written application: disputed card payment
    Name: { $holder_name }
    Card ending: { $card_last4 }
    Transaction: { $txn_time }, { $amount }{ $card_charge }, { $merchant_name }
    Terminal ID and trace number (from the slip, if any): ____________
    What is wrong: I was charged { $amount }, but the correct amount was { $expected_amount }.
    Amount in dispute: { $difference } (the difference between { $amount } and { $expected_amount })
    I request: the refund of { $difference } to this card.
    Enclosed (copies): slip or receipt; bank SMS or statement; order or chat record; notes of my calls.
    Date: { $today }
    Signature: ____________
review-facts =
    Before I write your application, please check the facts. The bank goes by what the letter says.
    • Amount: { $amount }
    • Date and time: { $txn_time }
    • Card ending: { $card_last4 }
    • Shop: { $merchant_name }
    • Your name: { $holder_name }
review-facts-wrong-amount =
    Before I write your application, please check the facts. The bank goes by what the letter says.
    • Amount charged: { $amount }
    • Correct amount: { $expected_amount }
    • Date and time: { $txn_time }
    • Card ending: { $card_last4 }
    • Shop: { $merchant_name }
    • Your name: { $holder_name }
ask-review = Is everything right? Tap what to change, or “All correct”. Your name is optional: without it the letter leaves a space to write it by hand.
btn-review-correct = All correct — write it
btn-fix-amount = Change the amount
btn-fix-expected = Change the correct amount
btn-fix-time = Change the date and time
btn-fix-last4 = Change the card's last 4 digits
btn-fix-merchant = Change the shop
btn-add-name = Add or change my name
ask-holder-name = Your name as the bank knows it, for the letter. Only your name — no card number, ID number or password.
send-cn =
    How to send it:
    1. Hand it in at a branch of the bank that issued your card, or send it the way the bank told you. Keep a copy.
    2. Attach copies of your evidence, never originals.
    3. Ask for the date of receipt or a reference number.
    The bank must answer a complaint within { $bank_complaint_days } days. This can be extended { $bank_extension } ({ $complaint_rule }).
send-us-credit =
    US credit card (Fair Credit Billing Act):
    1. Send the letter in writing to the billing-inquiry address on your statement (not the payment address), within { $fcba_notice_days } days after the first statement showing the error was sent to you.
    2. On that letter write your name and your account number yourself. Never send the full number to me or to anyone who calls you.
    3. A phone call alone does not protect your rights. Keep a copy and proof of sending.
    The card issuer must acknowledge your letter within { $fcba_ack_days } days and resolve it within { $fcba_resolve_cycles } billing cycles (at most { $fcba_resolve_days } days).
send-us-debit =
    US debit card (Regulation E):
    1. Report the error to your bank within { $rege_report_days } days of the statement that first shows it. Do it in writing too, and keep a copy.
    2. The bank must investigate within { $rege_investigate_days } business days, or give you provisional credit and take longer: up to { $rege_max_days } days, or { $rege_pos_days } days for a payment at a shop terminal like this one.
send-uk =
    UK card:
    1. Send the letter now, and tell the bank without undue delay: the legal limit to notify it is { $psr_months } months after the money was taken (Payment Services Regulations 2017, reg. 74).
    2. Ask the bank to raise a chargeback with the card network.
    { $error_type ->
        [unrecognised] 3. A payment you did not authorise must be refunded by the end of the next business day after the bank learns of it (reg. 76), unless it has reasonable grounds to suspect fraud by you. For a lost or stolen card you pay at most { $liability_cap } (reg. 77), and nothing for use after you told the bank.
       *[other] 3. Keep a copy of the letter and proof of sending.
    }
send-uk-s75 = UK credit card and a single item priced over { $s75_min } and up to { $s75_max }: you can also claim against the card issuer under Section 75 of the Consumer Credit Act.
send-eu =
    EU / EEA card:
    1. Send the letter now, and tell the bank without undue delay: the legal limit to notify it is { $psr_months } months after the debit (PSD2, art. 71).
    2. Ask the bank to raise a chargeback with the card network.
    3. The bank must give its final answer to a complaint within { $bank_reply_days } business days (longer only with a holding reply).
    { $error_type ->
        [unrecognised] 4. A payment you did not authorise must be refunded by the end of the next business day after the bank learns of it (PSD2, art. 73), unless it suspects fraud by you and reports that. For a lost or stolen card you bear at most { $liability_cap } (art. 74).
       *[other] 4. Keep a copy of the letter and proof of sending.
    }
send-hk =
    Hong Kong card:
    1. Send the letter to your bank now. Banks ask for disputed and unauthorised transactions to be reported within { $bank_report_days } days of the statement date, so don't wait for the statement.
    2. Ask the bank to raise a chargeback with the card network (Visa, Mastercard or UnionPay), and ask for a reference number. Each disputed payment can have only one reason: choose the one that fits.
    3. Keep a copy and proof of sending. If the bank gives no final written reply within { $fdrc_wait_days } days, you can go to the Financial Dispute Resolution Centre (see below).
send-tw =
    Taiwan card:
    1. Call your bank's customer service and ask for a dispute investigation (爭議帳款); send the letter too, and keep a copy.
    2. Ask the bank to raise a chargeback with the card network. You can also ask it to suspend payment of the disputed amount while it investigates.
    3. The bank must handle your complaint within { $bank_reply_days } days (Financial Consumer Protection Act).
send-sg =
    Singapore card:
    1. Send the letter to your bank now and keep a copy: the bank must have the chance to sort it out first.
    2. Ask the bank to raise a chargeback with the card network, and ask for a reference number.
    3. If it isn't resolved after { $fidrec_wait_days } days, you can go to FIDReC (see below).
send-other =
    Your card:
    1. Send the letter to your bank as soon as you can. Keep a copy and proof of sending.
    2. Ask the bank to raise a chargeback with the card network (Visa, Mastercard, UnionPay…), and ask how long it has to answer you.
    3. Your bank's complaint page names the regulator or ombudsman you can go to next: note it down.
ask-bank-answer = Come back when the bank answers, or when the time limit has passed. What happened?
btn-bank-fixed = The bank gave the money back
btn-bank-refused = The bank said no
btn-bank-silent = No answer in time

## Escalation

escalate-cn =
    If the bank said no or missed the deadline, you can complain higher up. Have your application, the bank's answer (if any) and your call notes ready.
    • { $pboc_line } — { $pboc_name }: complaints about payments and settlement, such as card payments. Open { $pboc_hours }. Complain to the bank first.
    • { $nfra_line } — { $nfra_name }: complaints about banks.
    • { $market_line } — { $market_name }: disputes with the shop itself.
escalate-cn-law = Against the shop, the Consumer Rights Protection Law (art. 39) gives you these ways: negotiate with the shop, mediation by the consumer association, a complaint to the authorities, arbitration (if you agreed on it with the shop), or court.
escalate-cn-police = Signs it was deliberate (fraud, deliberate double charging, a copied card)? Report it to the police: { $police_line }. The anti-fraud warning line is { $fraud_line }.
unjust-enrichment =
    Paid the wrong payee and they won't give it back? Keeping money paid by mistake is unjust enrichment (Civil Code, art. 122 and 985).
    • You can bring a civil claim in court.
    • You can ask the court to freeze their assets even before you sue.
    • Keep the bank's record showing that the money reached them.
escalate-uk =
    If the bank says no or doesn't answer:
    1. Ask for its final answer in writing.
    2. Then you can go to the Financial Ombudsman Service ({ $fos_line }). For payment complaints the bank has { $fos_reply_days } business days to give its final answer (for other complaints { $fos_other_weeks } weeks). After that you can go to the Ombudsman even without an answer.
    3. Apply within { $fos_months } months of the bank's final answer.
    4. UK credit card and a single item priced over { $s75_min } and up to { $s75_max }? Claim under Section 75 too.
escalate-intl =
    If the bank says no or doesn't answer in time:
    1. Ask for its final answer in writing, and ask where you can complain next.
    2. If it hasn't yet, ask it to raise a chargeback under the card-network rules (usually within { $dispute_window_days } days of the payment).
    3. Then go to the financial regulator or ombudsman named on your bank's complaint page, with copies of everything you sent and received.
escalate-us =
    US card:
    • Remind the bank in writing of the time limits above (Fair Credit Billing Act or Regulation E).
    • Then you can complain to the Consumer Financial Protection Bureau: { $cfpb_web } or { $cfpb_line }. The company has { $cfpb_reply_days } days to respond.
escalate-hk =
    If the bank says no, or gives no final written reply within { $fdrc_wait_days } days:
    1. Financial Dispute Resolution Centre (FDRC, { $fdrc_line }): mediation first, then arbitration, for claims up to { $fdrc_limit }, within { $fdrc_months } months of when you first knew of the loss. You must have complained to the bank in writing first.
    2. HKMA complaint about the bank: { $hkma_web } or { $hkma_line }. The HKMA cannot order the bank to pay you: money claims go to the FDRC.
escalate-tw =
    If the bank says no, or hasn't handled it within { $bank_reply_days } days:
    1. Apply to the Financial Ombudsman Institution (金融消費評議中心, free line { $foi_line }) within { $foi_apply_days } days of the bank's answer or of the end of its time. It takes a case only after you complained to the bank.
    2. The financial services line { $finance_line } can also advise you.
escalate-sg =
    If it isn't resolved with the bank after { $fidrec_wait_days } days, or you disagree with its final reply:
    1. Go to FIDReC within { $fidrec_months } months of the bank's final reply. Mediation is free; adjudication costs { $fidrec_fee } and covers claims up to { $fidrec_limit }.
    2. FIDReC may not take a case that is under police investigation: tell them if you reported it.
escalate-eu =
    If the bank says no or doesn't answer within { $bank_reply_days } business days:
    1. Ask for its final answer in writing.
    2. Go to the out-of-court complaint body for banks in the bank's country (a FIN-NET member). Your own country's FIN-NET member can pass your complaint on.
ask-escalation-result = Come back once you have an answer. Is it solved?
btn-solved = Yes, I got the money back
btn-still-unsolved = No, still not solved

## Monitoring and summaries

monitor-advice =
    Keep an eye on your account for the next weeks:
    • Check that the refund or reversal is really there, and for the right amount.
    • Watch for a second debit of the same amount.
    • A refund can sometimes be taken back later.
    • Report anything odd to your bank at once, on the number printed on the back of your card.
    Keep your evidence and call notes until you are sure it's over.
summary-resolved =
    Summary — case { $case_id }
    The charge of { $amount } at { $merchant_name } has been put right.
    What to do next:
    1. Check that the right amount arrived.
    2. Watch your statement for a few weeks, as above.
    3. Keep the slips and your notes.
    If anything odd happens, type /start and tell me, or type /human.
summary-not-solved =
    Summary — case { $case_id }
    { $amount } at { $merchant_name }: not solved yet. I've passed your case to our team. A person will look at it and answer you here.
    What you can do now:
    1. Keep all evidence, letters and call notes together.
    2. Use the complaint routes above, in order.
    3. Never pay a "recovery service" that promises to get your money back for a fee.
    4. Keep watching your account, and report anything odd to your bank at once.

## Merchant path

m-intro =
    For shops — first:
    • Don't run the sale again until you know what happened. Retries cause most double charges.
    • Never refund a card payment in cash. It doesn't cancel the card transaction and is treated as cash-out abuse. Refunds go back to the same card, on the terminal.
    • Be careful with a "customer" who says they were charged twice and wants the difference in cash. Check your records first: I'll show you how.
ask-m-error = What happened?
btn-m-wrong-amount = I keyed the wrong amount
btn-m-double = I charged the customer twice
btn-m-no-slip = No slip was printed
btn-m-frozen = The terminal froze
btn-m-claims-double = A customer says they paid twice
ask-m-direction = Did you charge too much or too little?
m-undercharged =
    You charged too little. You may charge the difference only if the customer agrees.
    • Ask the customer. If they agree, run a new sale for exactly the difference and give them the slip.
    • If they don't agree, or have left, don't charge the card again.
    • Never ask for the difference by transfer to a personal account.
m-check-batch =
    Check before you do anything else. Look at the terminal's last transactions and today's batch (or the records from your acquirer, the bank or company that provided the terminal):
    • There twice: the customer was charged twice.
    • There once: the sale went through. Reprint the slip for the customer; don't charge again.
    • Not there: the sale didn't go through.
m-batch-once = The sale is there once, so it went through and the customer paid once. Reprint the slip for them from the terminal; don't charge the card again.
ask-m-batch = What do you see?
btn-m-batch-twice = The sale is there twice
btn-m-batch-once = It's there once
btn-m-batch-missing = It isn't there
m-no-slip =
    No slip usually means the terminal didn't finish the sale.
    1. Don't re-run the same sale just to get a slip. First check the terminal's last transactions.
    2. If the sale isn't there, run the next transaction as normal. That lets the terminal send the automatic reversal for the failed one.
    3. Tell your acquirer (the bank or company that provided the terminal).
    4. Tell the customer: if money was taken, it usually comes back within { $reversal_wait_days } working days. Give them your contact details and the time of the sale.
m-claim-check =
    Check your records before you do anything:
    • Look for two approved payments with the same amount and card (last 4 digits) around that time: on the terminal, in the batch, or in your acquirer's statement.
    • Ask the customer to show the bank SMS or app entries. They never need to give you their card number.
    Never hand over cash or make a transfer. If there really are two, you void or refund the second one to the card.
ask-m-claim = What do your records show?
btn-m-claim-found = Two payments: it's real
btn-m-claim-single = Only one payment
m-claim-not-found =
    Your records show one payment.
    • Show the customer your slip and records, or give them a copy.
    • If they still see two debits, their card-issuing bank can check. They should call the number on the back of their card.
    • Don't pay anything in cash or by transfer, even under pressure.
    • A "customer" who insists on cash for a duplicate is a known scam. Refuse, and report it to the police if it goes on.
ask-m-timing = Has today's batch been settled yet (the end-of-day settlement on the terminal)?
btn-m-before-settlement = Not settled yet
btn-m-after-settlement = Already settled
m-void =
    Void the wrong payment. A void is possible { $void_cutoff }.
    1. Use the terminal's void function for the wrong transaction only. The trace number on the slip helps you find it.
    2. A void is always for the full amount. The customer gets the money back at once or within minutes.
    3. Give the customer the void slip, and keep your copy.
    { $m_error ->
        [m_wrong_amount] 4. Then run the sale again for the right amount, with the customer's agreement.
       *[other] 4. Check the terminal's transaction list: the customer's payment should now be there only once.
    }
m-refund =
    The batch is settled, so use a refund:
    1. Use the terminal's refund function (or ask your acquirer) to refund the wrong part to the same card. A partial refund is allowed.
    2. Never in cash.
    3. Give the customer the refund slip. Tell them it usually takes { $refund_days } working days to reach their account.
    4. Keep your copy with the original slip.
m-prevention =
    To stop it happening again:
    • Train every staff member on the terminal.
    • Check the amount on the screen before handing the terminal to the customer.
    • Reconcile the batch every day.
    • Keep slips { $evidence_retention }.
    • Have the terminal serviced regularly.
    • Give customers a clear way to report a problem.
    • Never refund a card payment in cash.
summary-merchant =
    Summary — case { $case_id }
    { $m_error ->
        [m_wrong_amount] { $m_timing ->
            [m_after_settlement] Wrong amount, the batch already settled: refund only the overcharged part to the same card.
           *[other] Wrong amount: void the payment and charge the right amount again (only with the customer's agreement).
        }
        [m_undercharged] Charged too little: charge the difference only if the customer agrees, as a new sale with a slip. Never by transfer.
        [m_double] { $m_timing ->
            [m_after_settlement] Double charge, the batch already settled: refund the second payment to the same card.
           *[other] Double charge: void the second payment.
        }
        [m_no_slip] No slip: don't re-run the sale. Let the next transaction trigger the reversal, and tell your acquirer.
        [m_frozen] Frozen terminal: check the records first. Then void or refund a duplicate, or let the reversal happen, and tell your acquirer.
        [m_frozen_twice] Frozen terminal, the sale is there twice: void or refund the second payment to the same card.
        [m_frozen_once] Frozen terminal, the sale is there once: it went through. Reprint the slip; don't charge again.
        [m_frozen_missing] Frozen terminal, the sale isn't there: don't re-run it just for a slip. Let the next transaction trigger the reversal, and tell your acquirer.
        [m_customer_claims_double] Customer says they paid twice: check your records. Refund only a real duplicate, and only to the card.
       *[other] Check your records, then void or refund to the same card.
    }
    Always: refunds go back to the card, never in cash. Keep the slips. Your customers can use this bot too.
m-register-hint = Tip for your shop: send /merchant followed by the shop's name to get a link and a QR code for the till. Customers who scan it come straight to me, and /opencase opens a case for a customer you charged wrongly.
large-amount-handoff = Because the amount is large, I have also passed your case to a person from our support team; they will write to you here. Meanwhile, let's carry on.
deadline-reversal = automatic reversal should be back by
deadline-refund = the refund should arrive by
deadline-bank_reply = the bank should answer your written complaint by
deadline-chargeback = card-network dispute window ends (usually) on
deadline-psd2_notice = legal limit to notify your bank ends on
deadline-bank_investigation = the bank should finish its investigation by
deadline-open = still open
deadline-passed = passed
ui-status-deadlines =
    Deadlines:
    { $deadlines }
deadline-reversal-note = { $deadline_reversal_passed ->
    [yes] The usual time for the automatic reversal ended on { $deadline_reversal }. If the money isn't back, don't wait any longer: go to your bank now.
   *[no] Expected back by: { $deadline_reversal } (working days, counted from the payment). If it isn't back by then, come back to me.
}
deadline-bank-reply-note = Counting from today, the bank should answer by { $deadline_bank_reply }.
deadline-chargeback-note = { $deadline_chargeback_passed ->
    [yes] For this payment, the card networks' usual dispute window ended on { $deadline_chargeback }. Ask your bank anyway: some limits count from later dates (the statement, the delivery date), and a payment you did not authorise has other protections.
   *[no] For this payment, the card networks' usual dispute window ends on { $deadline_chargeback }: { $dispute_window_note }.
}
deadline-notice-note = { $deadline_psd2_notice_passed ->
    [yes] For this payment, the legal limit to notify the bank ({ $psr_months } months) ended on { $deadline_psd2_notice }. The bank may still help under the card network's rules or its own: ask, in writing.
   *[no] For this payment, the legal limit to notify the bank ends on { $deadline_psd2_notice }. Don't wait for it.
}
regulator-handoff-note = I have also passed your case to a person from our support team; they will write to you here. Meanwhile, go ahead with the steps below.

# A foreign-currency payment: what the card was charged, after the amount the terminal showed.
letter-card-charge = {" "}(charged to my card: { $card_amount })

btn-error-refund-missing = A refund I was promised never arrived
btn-online = I bought it online, not at a shop's terminal
refund-missing-advice =
    A refund the shop made usually reaches your card within { $refund_days } working days.
    • Ask the shop for the refund slip or its reference: it proves the refund was made, and lets your bank trace it.
    • If the shop never made it, or it is late, your bank can dispute the payment as a refund that was not processed.
summary-online =
    Summary — case { $case_id }
    An online purchase: this helper is made for payments at a shop's card terminal, so its steps and time limits may not fit.
    What to do next:
    1. Ask the seller first, in writing, and keep the order number and every message.
    2. If you paid by card and the seller doesn't help, your bank can dispute the payment: call the number on the back of your card.
    3. If you paid with a wallet app, complain inside the app about the exact payment.
amount-unknown = That's all right. The amount is in your bank's app, the text message about the payment, or on the receipt. You can add it later when we review your details.
txn-time-unknown = That's all right. A date alone is enough; your bank's app shows the exact time of the payment if it is needed.
card-last4-unknown = That's all right. A phone wallet (Apple Pay, Google Pay) shows a number of its own, and a QR payment has no card number: your bank finds the payment from the date, the amount and the shop.
