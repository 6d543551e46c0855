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
