# The staff console in a browser (src/channel/console). Staff read these; people never do.

console-skip = Skip to content
console-nav-label = Console sections
console-nav-inbox = Inbox
console-nav-audit = Audit log
console-nav-analytics = Analytics
console-language = Language
console-language-set = Switch
console-signout = Sign out

console-signin-title = Sign in to the support console
console-signin-confirm = This link signs you in to the swipefix support console once. Press the button to continue.
console-signin-button = Sign in
console-signin-how = To sign in, send /console to the bot (in the staff chat or in a private chat with it); it sends you a link that works once. An operator can also run `swipefix console link --staff YOUR_TELEGRAM_ID --url THIS_ADDRESS`.
console-signin-needed = You are not signed in, or your session has ended.
console-signin-revoked = Your Telegram account is not on the staff list of this deployment.
console-signin-expired = This sign-in link has expired.
console-signin-spent = This sign-in link was used already. Each link works once.
console-signin-invalid = This is not a valid sign-in link.
console-signed-out = You are signed out.
console-forbidden = Not done
console-csrf-failed = The form was out of date or did not come from this console, so nothing was done. Go back, reload the page and try again.
console-no-case-title = No such case
console-no-case = There is no case { $case_id } (it may have been erased at the person's request).
console-failed-title = Something went wrong
console-failed = The cases could not be read just now. Nothing was changed; please try again in a moment.

console-inbox-title = Hand-offs
console-inbox-count = { $count ->
    [one] One case
   *[other] { $count } cases
}
console-inbox-empty = Nothing here: no case matches.
console-live-updated = Updated at
console-search = Search
console-search-hint = case id, shop, last 4
console-filter-status = Status
console-filter-any = any
console-filter-older = Waiting more than (hours)
console-filter-apply = Apply
console-status-open = open
console-status-closed = closed
console-status-all = all
console-taken-me = me
console-col-case = Case
console-col-waiting = Waiting
console-col-problem = Problem
console-col-jurisdiction = Jurisdiction
console-col-amount = Amount
console-col-reason = Reason
console-col-taken = Taken by
console-age-minutes = { $n } min
console-age-hours = { $n } h
console-age-days = { $n } d

console-case-title = Case { $case_id }
console-summary = Summary
console-evidence = Evidence
console-evidence-photo = a photo the person sent
console-evidence-file = a file the person sent
console-evidence-unavailable = The file could not be fetched from Telegram just now.
console-notes = Notes and replies
console-note-reply = reply sent
console-note-internal = internal note
console-to-staff = passed to staff
console-audit-case = Who did what
console-state = State
console-actions = Actions
console-take = Take this case
console-reply = Reply to the person
console-reply-hint = The person receives this in their chat, from the bot. Card numbers are removed before it is sent or kept.
console-reply-send = Send reply
console-note = Internal note
console-note-add = Add note
console-close-outcome = Close with outcome
console-close = Close case
console-assign = Hand to
console-assign-button = Hand over
console-timeline = Timeline and deadlines
console-opened = Case opened
console-none = None yet.
console-done-take = You have taken the case; the person has been told.
console-done-reply = Your reply was sent to the person.
console-done-note = Note added.
console-done-close = Case closed; the person has been told.
console-done-assign = Case handed over.
console-error-empty = Write something first.
console-error-delivery = It is saved on the case, but could not be delivered to the person's chat just now.
console-error-failed = That could not be done; nothing was changed. Please try again.

console-audit-title = Audit log
console-audit-count = { $count ->
    [one] One entry
   *[other] { $count } entries
}
console-audit-when = When
console-audit-by = Who
console-audit-action = Action
console-audit-detail = Detail
console-audit-csv = Download as CSV
console-action-view = opened the case
console-action-take = took the case
console-action-reply = replied to the person
console-action-note = added a note
console-action-close = closed the case
console-action-assign = handed the case over

console-analytics-title = Analytics
console-since = Cases opened since
console-stale-days = Stopped after (days without an answer)
console-fig-cases = Cases
console-fig-handoff-rate = Handed to staff
console-fig-first-answer = Median time to first staff answer
console-fig-close = Median time to close
console-minutes = { $n } min
console-funnel = Where people go on and where they stop
console-node = Step
console-reached = Reached
console-went-on = Went on
console-ended = Ended here
console-stopped = Stopped here
console-node-counts = { $reached } reached · { $went_on } went on · { $stopped } stopped
console-outcomes = Outcomes by problem and jurisdiction
console-outcome-resolved = resolved
console-outcome-refunded = refunded
console-outcome-rejected = rejected
console-outcome-police = police
console-outcome-abandoned = abandoned
console-outcome-other = other
console-outcome-open = still open
console-handoff-reasons = Why people were handed to staff
console-tree = The decision tree with its counts

console-take-over = Take over from them
console-error-notstaff = That is not a staff member of this deployment; nothing was changed.
console-live-lost = Not updating any more: reload the page (you may need to sign in again).
console-error-stale = Someone changed this case while you had it open (took it, handed it over or closed it): nothing was done. Look at it again below.
