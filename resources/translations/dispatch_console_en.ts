<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <source>Acknowledge alerts</source>
        <translation>Acknowledge alerts</translation>
    </message>
    <message>
        <source>What you did or will do (optional), e.g. called the technician, on site in 20 minutes</source>
        <translation>What you did or will do (optional), e.g. called the technician, on site in 20 minutes</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledge the alerts of %n order(s):</source>
        <translation>
            <numerusform>Acknowledge the alerts of %n order:</numerusform>
            <numerusform>Acknowledge the alerts of %n orders:</numerusform>
        </translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>The note is longer than %1 characters.</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>Sound</source>
        <translation>Sound</translation>
    </message>
    <message>
        <source>Sound a signal when an order turns red or late</source>
        <translation>Sound a signal when an order turns red or late</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Acknowledge…</translation>
    </message>
    <message>
        <source>%1 alerts, %2 not acknowledged</source>
        <translation>%1 alerts, %2 not acknowledged</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) escalated to the supervisors: nobody acknowledged them in time.</source>
        <translation>
            <numerusform>%n alert escalated to the supervisors: nobody acknowledged them in time.</numerusform>
            <numerusform>%n alerts escalated to the supervisors: nobody acknowledged them in time.</numerusform>
        </translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>%1 m from the site</source>
        <translation>%1 m from the site</translation>
    </message>
    <message>
        <source>⇪ Escalated %1</source>
        <translation>⇪ Escalated %1</translation>
    </message>
    <message>
        <source>⇪ Escalated</source>
        <translation>⇪ Escalated</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Your settings cannot be used: %1

The console starts with default settings; the file is left as it is until you save settings.</source>
        <translation>Your settings cannot be used: %1

The console starts with default settings; the file is left as it is until you save settings.</translation>
    </message>
    <message>
        <source>Downloading the centre&apos;s data to this desk…</source>
        <translation>Downloading the centre&apos;s data to this desk…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>Data file</translation>
    </message>
    <message>
        <source>Choose another data file…</source>
        <translation>Choose another data file…</translation>
    </message>
    <message>
        <source>The data file %1 is damaged. It was left untouched; restore it from a backup or choose another file.</source>
        <translation>The data file %1 is damaged. It was left untouched; restore it from a backup or choose another file.</translation>
    </message>
    <message>
        <source>%1 is not a Dispatch Console data file. It was left untouched.</source>
        <translation>%1 is not a Dispatch Console data file. It was left untouched.</translation>
    </message>
    <message>
        <source>The data file %1 is in use by another Dispatch Console. Close that window first, or choose another data file.</source>
        <translation>The data file %1 is in use by another Dispatch Console. Close that window first, or choose another data file.</translation>
    </message>
    <message>
        <source>The data file %1 was written by a newer version of Dispatch Console. Install the newer version; this one will not modify the file.</source>
        <translation>The data file %1 was written by a newer version of Dispatch Console. Install the newer version; this one will not modify the file.</translation>
    </message>
    <message>
        <source>The data file %1 cannot be opened or written. Check the folder&apos;s permissions and free space.</source>
        <translation>The data file %1 cannot be opened or written. Check the folder&apos;s permissions and free space.</translation>
    </message>
    <message>
        <source>Preparing the demo centre for this desk…</source>
        <translation>Preparing the demo centre for this desk…</translation>
    </message>
    <message>
        <source>Dispatch Console</source>
        <translation>Dispatch Console</translation>
    </message>
    <message>
        <source>%1
Trying again…</source>
        <translation>%1
Trying again…</translation>
    </message>
    <message>
        <source>The demo centre could not be written: %1</source>
        <translation>The demo centre could not be written: %1</translation>
    </message>
    <message>
        <source>Desk user</source>
        <translation>Desk user</translation>
    </message>
    <message>
        <source>There is no active user %1 in this data file. Correct the desk user in the settings file %2.</source>
        <translation>There is no active user %1 in this data file. Correct the desk user in the settings file %2.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign to a technician</source>
        <translation>Assign to a technician</translation>
    </message>
    <message>
        <source>Ranking the technicians…</source>
        <translation>Ranking the technicians…</translation>
    </message>
    <message>
        <source>Filter by name, team or region</source>
        <translation>Filter by name, team or region</translation>
    </message>
    <message>
        <source>Book the visit at the technician&apos;s earliest start (proposed to the customer, 2 hours)</source>
        <translation>Book the visit at the technician&apos;s earliest start (proposed to the customer, 2 hours)</translation>
    </message>
    <message>
        <source>Why it is right anyway (kept in the audit log)</source>
        <translation>Why it is right anyway (kept in the audit log)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message numerus="yes">
        <source>The orders this assigns: %n order(s).</source>
        <translation>
            <numerusform>The orders this assigns: %n order.</numerusform>
            <numerusform>The orders this assigns: %n orders.</numerusform>
        </translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Earliest start</source>
        <translation>Earliest start</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Why not / notes</source>
        <translation>Why not / notes</translation>
    </message>
    <message>
        <source>Technicians who can take the orders come first, by their earliest start; the same start goes to the shorter drive.</source>
        <translation>Technicians who can take the orders come first, by their earliest start; the same start goes to the shorter drive.</translation>
    </message>
    <message>
        <source>None of these orders is open any more: nothing to assign.</source>
        <translation>None of these orders is open any more: nothing to assign.</translation>
    </message>
    <message>
        <source>%1 of %2 technicians can take it; ranked by earliest start, then the shorter drive.</source>
        <translation>%1 of %2 technicians can take it; ranked by earliest start, then the shorter drive.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) no longer open are left out.</source>
        <translation>
            <numerusform>%n order no longer open is left out.</numerusform>
            <numerusform>%n orders no longer open are left out.</numerusform>
        </translation>
    </message>
    <message>
        <source>The technicians could not be read: %1</source>
        <translation>The technicians could not be read: %1</translation>
    </message>
    <message>
        <source>Score %1 of 100:</source>
        <translation>Score %1 of 100:</translation>
    </message>
    <message>
        <source>Books %1 at %2 for the customer to confirm.</source>
        <translation>Books %1 at %2 for the customer to confirm.</translation>
    </message>
    <message>
        <source>Only a shift supervisor can book this; untick booking to assign only.</source>
        <translation>Only a shift supervisor can book this; untick booking to assign only.</translation>
    </message>
    <message>
        <source>This slot cannot be booked; untick booking to assign only.</source>
        <translation>This slot cannot be booked; untick booking to assign only.</translation>
    </message>
    <message>
        <source>Assign and book</source>
        <translation>Assign and book</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Choose a technician who can take it.</source>
        <translation>Choose a technician who can take it.</translation>
    </message>
    <message>
        <source>Write why you book over these warnings.</source>
        <translation>Write why you book over these warnings.</translation>
    </message>
    <message>
        <source>A technician&apos;s visit is booked already: this assigns only (move the visit on the schedule board).</source>
        <translation>A technician&apos;s visit is booked already: this assigns only (move the visit on the schedule board).</translation>
    </message>
    <message>
        <source>No visit to book (the work is under way or done): this assigns only.</source>
        <translation>No visit to book (the work is under way or done): this assigns only.</translation>
    </message>
    <message>
        <source>The orders are at several sites: this assigns only (book their visits on the schedule board); ranked for the most urgent order&apos;s site.</source>
        <translation>The orders are at several sites: this assigns only (book their visits on the schedule board); ranked for the most urgent order&apos;s site.</translation>
    </message>
    <message>
        <source>The orders have different visits: this assigns only.</source>
        <translation>The orders have different visits: this assigns only.</translation>
    </message>
    <message>
        <source>Who calls back about %1</source>
        <translation>Who calls back about %1</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
</context>
<context>
    <name>AssignFlow</name>
    <message>
        <source>Some orders were not assigned</source>
        <translation>Some orders were not assigned</translation>
    </message>
    <message>
        <source>%1 assigned, %2 not:</source>
        <translation>%1 assigned, %2 not:</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Nothing was saved: %1</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>The change could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>BoardLegend</name>
    <message>
        <source>Fill: how urgent the visit&apos;s orders are</source>
        <translation>Fill: how urgent the visit&apos;s orders are</translation>
    </message>
    <message>
        <source>Edge: the kind of order</source>
        <translation>Edge: the kind of order</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Marks</translation>
    </message>
    <message>
        <source>Proposed: not yet confirmed with the customer</source>
        <translation>Proposed: not yet confirmed with the customer</translation>
    </message>
    <message>
        <source>Pinned: the optimiser leaves the visit where it is</source>
        <translation>Pinned: the optimiser leaves the visit where it is</translation>
    </message>
    <message>
        <source>Shift: the technician&apos;s working hours</source>
        <translation>Shift: the technician&apos;s working hours</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Travel to the visit</source>
        <translation>Travel to the visit</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Overlapping visits: the row grows a line for each</source>
        <translation>Overlapping visits: the row grows a line for each</translation>
    </message>
    <message>
        <source>Utilisation for the days shown: visits and travel against shift time, breaks excluded; amber from 85%, red over 100%, – without a shift</source>
        <translation>Utilisation for the days shown: visits and travel against shift time, breaks excluded; amber from 85%, red over 100%, – without a shift</translation>
    </message>
    <message>
        <source>While dragging: fits · needs a reason · cannot be saved</source>
        <translation>While dragging: fits · needs a reason · cannot be saved</translation>
    </message>
    <message>
        <source>Beside the name: where the technician is</source>
        <translation>Beside the name: where the technician is</translation>
    </message>
</context>
<context>
    <name>BoardPlaces</name>
    <message>
        <source>On site: at the visit under way, or early at the next</source>
        <translation>On site: at the visit under way, or early at the next</translation>
    </message>
    <message>
        <source>On the way: between visits</source>
        <translation>On the way: between visits</translation>
    </message>
    <message>
        <source>Late: a visit has started and they are not at its site</source>
        <translation>Late: a visit has started and they are not at its site</translation>
    </message>
    <message>
        <source>Free: nothing more planned today</source>
        <translation>Free: nothing more planned today</translation>
    </message>
    <message>
        <source>No position from the field app for 15 minutes</source>
        <translation>No position from the field app for 15 minutes</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <source>Book an appointment</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <source>The customer agreed to this window</source>
        <translation>The customer agreed to this window</translation>
    </message>
    <message>
        <source>Customer reached by:</source>
        <translation>Customer reached by:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Working calendar</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Set to</source>
        <translation>Set to</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Why (e.g. the notice this comes from)</source>
        <translation>Why (e.g. the notice this comes from)</translation>
    </message>
    <message>
        <source>Make it a working day</source>
        <translation>Make it a working day</translation>
    </message>
    <message>
        <source>Make it a day off</source>
        <translation>Make it a day off</translation>
    </message>
    <message>
        <source>Follow the statutory calendar</source>
        <translation>Follow the statutory calendar</translation>
    </message>
    <message>
        <source>Mark this year&apos;s official schedule as entered…</source>
        <translation>Mark this year&apos;s official schedule as entered…</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Public holiday</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>Weekend</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>Underlined: set by a supervisor</source>
        <translation>Underlined: set by a supervisor</translation>
    </message>
    <message>
        <source>Only a shift supervisor can change the calendar.</source>
        <translation>Only a shift supervisor can change the calendar.</translation>
    </message>
    <message>
        <source>The calendar could not be read: %1</source>
        <translation>The calendar could not be read: %1</translation>
    </message>
    <message>
        <source>%1: official schedule (holidays and make-up days known).</source>
        <translation>%1: official schedule (holidays and make-up days known).</translation>
    </message>
    <message>
        <source>%1: provisional. Holidays are computed by rule and make-up working days are not known until the official schedule is entered; deadlines in %1 are marked provisional.</source>
        <translation>%1: provisional. Holidays are computed by rule and make-up working days are not known until the official schedule is entered; deadlines in %1 are marked provisional.</translation>
    </message>
    <message>
        <source>Set by a supervisor in %1: %2</source>
        <translation>Set by a supervisor in %1: %2</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>working day</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>day off</translation>
    </message>
    <message>
        <source>%1: %2, set by a supervisor (%3)</source>
        <translation>%1: %2, set by a supervisor (%3)</translation>
    </message>
    <message>
        <source>%1: public holiday</source>
        <translation>%1: public holiday</translation>
    </message>
    <message>
        <source>%1: make-up working day</source>
        <translation>%1: make-up working day</translation>
    </message>
    <message>
        <source>Recomputing the deadlines of open orders…</source>
        <translation>Recomputing the deadlines of open orders…</translation>
    </message>
    <message>
        <source>The calendar was not changed: %1</source>
        <translation>The calendar was not changed: %1</translation>
    </message>
    <message>
        <source>Where does the %1 schedule come from?</source>
        <translation>Where does the %1 schedule come from?</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Call back about %1</source>
        <translation>Call back about %1</translation>
    </message>
    <message>
        <source>What the customer said (needed when reached)</source>
        <translation>What the customer said (needed when reached)</translation>
    </message>
    <message>
        <source>(no comment with the answer)</source>
        <translation>(no comment with the answer)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Their answer</source>
        <translation>Their answer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Customer&apos;s words</source>
        <translation>Customer&apos;s words</translation>
    </message>
    <message>
        <source>Write what the customer said: the remedy starts from it.</source>
        <translation>Write what the customer said: the remedy starts from it.</translation>
    </message>
</context>
<context>
    <name>CallbacksPanel</name>
    <message>
        <source>Reached</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <source>Refused to talk</source>
        <translation>Refused to talk</translation>
    </message>
    <message>
        <source>To call</source>
        <translation>To call</translation>
    </message>
    <message>
        <source>Called, remedy open</source>
        <translation>Called, remedy open</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>This callback no longer exists.</source>
        <translation>This callback no longer exists.</translation>
    </message>
    <message>
        <source>Dispatchers and supervisors call customers back; only a supervisor assigns a callback or closes its remedy.</source>
        <translation>Dispatchers and supervisors call customers back; only a supervisor assigns a callback or closes its remedy.</translation>
    </message>
    <message>
        <source>This callback is closed already.</source>
        <translation>This callback is closed already.</translation>
    </message>
    <message>
        <source>Someone else took this callback; a supervisor can give it to you.</source>
        <translation>Someone else took this callback; a supervisor can give it to you.</translation>
    </message>
    <message>
        <source>Record a call that reached the customer first.</source>
        <translation>Record a call that reached the customer first.</translation>
    </message>
    <message>
        <source>Record the remedy before closing it.</source>
        <translation>Record the remedy before closing it.</translation>
    </message>
    <message>
        <source>Write what the customer said, or what the remedy is.</source>
        <translation>Write what the customer said, or what the remedy is.</translation>
    </message>
    <message>
        <source>Keep it under 1000 characters.</source>
        <translation>Keep it under 1000 characters.</translation>
    </message>
    <message>
        <source>Give the callback to a dispatcher or supervisor of the order&apos;s region.</source>
        <translation>Give the callback to a dispatcher or supervisor of the order&apos;s region.</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>Record call…</source>
        <translation>Record call…</translation>
    </message>
    <message>
        <source>Record remedy…</source>
        <translation>Record remedy…</translation>
    </message>
    <message>
        <source>Close remedy…</source>
        <translation>Close remedy…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Satisfaction callbacks</source>
        <translation>Satisfaction callbacks</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Answered by</translation>
    </message>
    <message>
        <source>Their comment</source>
        <translation>Their comment</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>Last call</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Customer&apos;s words</source>
        <translation>Customer&apos;s words</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>Remedy</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>The callbacks could not be read: %1</source>
        <translation>The callbacks could not be read: %1</translation>
    </message>
    <message>
        <source>%1 not closed, %2 overdue, %3 in all</source>
        <translation>%1 not closed, %2 overdue, %3 in all</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Nothing was changed</translation>
    </message>
    <message>
        <source>That order is closed: it is not in the queue.</source>
        <translation>That order is closed: it is not in the queue.</translation>
    </message>
</context>
<context>
    <name>CandidateText</name>
    <message>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Travel</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>no skill: %1</source>
        <translation>no skill: %1</translation>
    </message>
    <message>
        <source>other region (%1)</source>
        <translation>other region (%1)</translation>
    </message>
    <message>
        <source>off shift in the next days</source>
        <translation>off shift in the next days</translation>
    </message>
    <message>
        <source>booked full: no free slot</source>
        <translation>booked full: no free slot</translation>
    </message>
    <message>
        <source>would finish after the deadline</source>
        <translation>would finish after the deadline</translation>
    </message>
    <message>
        <source>busy day</source>
        <translation>busy day</translation>
    </message>
</context>
<context>
    <name>CandidatesPanel</name>
    <message>
        <source>Select an order to see who can take it.</source>
        <translation>Select an order to see who can take it.</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Technicians who can take the order come first, by their earliest start; the same start goes to the shorter drive.</source>
        <translation>Technicians who can take the order come first, by their earliest start; the same start goes to the shorter drive.</translation>
    </message>
    <message>
        <source>The sum of the five parts&apos; points, out of 100.</source>
        <translation>The sum of the five parts&apos; points, out of 100.</translation>
    </message>
    <message>
        <source>Earliest start</source>
        <translation>Earliest start</translation>
    </message>
    <message>
        <source>Assign to the selected technician</source>
        <translation>Assign to the selected technician</translation>
    </message>
    <message>
        <source>The order is no longer open.</source>
        <translation>The order is no longer open.</translation>
    </message>
    <message>
        <source>Candidates for %1 · %2 · %3</source>
        <translation>Candidates for %1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>ChoiceButton</name>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>%1 chosen</source>
        <translation>%1 chosen</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close the remedy for %1</source>
        <translation>Close the remedy for %1</translation>
    </message>
    <message>
        <source>How it was checked (optional)</source>
        <translation>How it was checked (optional)</translation>
    </message>
    <message>
        <source>Remedy (整改)</source>
        <translation>Remedy (整改)</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>Closing note</translation>
    </message>
</context>
<context>
    <name>CommitDialog</name>
    <message>
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Nothing speaks against it.</source>
        <translation>Nothing speaks against it.</translation>
    </message>
    <message>
        <source>Only a shift supervisor can commit over this.</source>
        <translation>Only a shift supervisor can commit over this.</translation>
    </message>
    <message>
        <source>This cannot be committed. Choose another technician or time.</source>
        <translation>This cannot be committed. Choose another technician or time.</translation>
    </message>
    <message>
        <source>Why it is right anyway (kept in the audit log)</source>
        <translation>Why it is right anyway (kept in the audit log)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>New window agreed with the customer</source>
        <translation>New window agreed with the customer</translation>
    </message>
    <message>
        <source>Pause the SLA clock (customer postponed)</source>
        <translation>Pause the SLA clock (customer postponed)</translation>
    </message>
    <message>
        <source>Reschedule reason:</source>
        <translation>Reschedule reason:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <source>Customer reached by:</source>
        <translation>Customer reached by:</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Write why you commit over these warnings.</source>
        <translation>Write why you commit over these warnings.</translation>
    </message>
    <message>
        <source>Choose the reason for the reschedule from the list.</source>
        <translation>Choose the reason for the reschedule from the list.</translation>
    </message>
    <message>
        <source>Say what the other reason is.</source>
        <translation>Say what the other reason is.</translation>
    </message>
</context>
<context>
    <name>CompliancePanel</name>
    <message>
        <source>Appointment recorded</source>
        <translation>Appointment recorded</translation>
    </message>
    <message>
        <source>Check-in on site</source>
        <translation>Check-in on site</translation>
    </message>
    <message>
        <source>Check-in on time</source>
        <translation>Check-in on time</translation>
    </message>
    <message>
        <source>Tests reported</source>
        <translation>Tests reported</translation>
    </message>
    <message>
        <source>Delivery report</source>
        <translation>Delivery report</translation>
    </message>
    <message>
        <source>Customer&apos;s signature</source>
        <translation>Customer&apos;s signature</translation>
    </message>
    <message>
        <source>Closed in time</source>
        <translation>Closed in time</translation>
    </message>
    <message>
        <source>Returned the same day</source>
        <translation>Returned the same day</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>off site</source>
        <translation>off site</translation>
    </message>
    <message>
        <source>no contact method</source>
        <translation>no contact method</translation>
    </message>
    <message>
        <source>%1 day(s) late</source>
        <translation>%1 day(s) late</translation>
    </message>
    <message>
        <source>%1 min late</source>
        <translation>%1 min late</translation>
    </message>
    <message>
        <source>%1 h late</source>
        <translation>%1 h late</translation>
    </message>
    <message>
        <source>%1 days late</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Record finding…</source>
        <translation>Record finding…</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Rules broken</source>
        <translation>Rules broken</translation>
    </message>
    <message>
        <source>Finding and remedy</source>
        <translation>Finding and remedy</translation>
    </message>
    <message>
        <source>Audited</source>
        <translation>Audited</translation>
    </message>
    <message>
        <source>Not compliant</source>
        <translation>Not compliant</translation>
    </message>
    <message>
        <source>Compliant</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <source>Most broken rule</source>
        <translation>Most broken rule</translation>
    </message>
    <message>
        <source>Orders not compliant</source>
        <translation>Orders not compliant</translation>
    </message>
    <message>
        <source>By technician</source>
        <translation>By technician</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>By team</translation>
    </message>
    <message>
        <source>Closed in</source>
        <translation>Closed in</translation>
    </message>
    <message>
        <source>Compliance by technician</source>
        <translation>Compliance by technician</translation>
    </message>
    <message>
        <source>Compliance by team</source>
        <translation>Compliance by team</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>The audit could not be read: %1</source>
        <translation>The audit could not be read: %1</translation>
    </message>
    <message>
        <source>%1 orders audited, %2 not compliant (%3 compliant)</source>
        <translation>%1 orders audited, %2 not compliant (%3 compliant)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Nothing was changed</translation>
    </message>
    <message>
        <source>The finding could not be saved: %1</source>
        <translation>The finding could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>The centre refused these changes of this desk because someone changed the same thing first. Re-apply yours on top of the current state, or drop it and keep theirs. Both are kept in the audit log.</source>
        <translation>The centre refused these changes of this desk because someone changed the same thing first. Re-apply yours on top of the current state, or drop it and keep theirs. Both are kept in the audit log.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Theirs (the centre&apos;s)</source>
        <translation>Theirs (the centre&apos;s)</translation>
    </message>
    <message>
        <source>Re-apply mine</source>
        <translation>Re-apply mine</translation>
    </message>
    <message>
        <source>Drop mine, keep theirs</source>
        <translation>Drop mine, keep theirs</translation>
    </message>
    <message>
        <source>This conflict was resolved already.</source>
        <translation>This conflict was resolved already.</translation>
    </message>
    <message>
        <source>The order&apos;s clock is paused already (by someone else): re-applying this pause would count the same time twice. Drop it.</source>
        <translation>The order&apos;s clock is paused already (by someone else): re-applying this pause would count the same time twice. Drop it.</translation>
    </message>
    <message>
        <source>This pause has ended already: there is nothing to resume. Drop it.</source>
        <translation>This pause has ended already: there is nothing to resume. Drop it.</translation>
    </message>
    <message>
        <source>The rules refuse it now: drop it.</source>
        <translation>The rules refuse it now: drop it.</translation>
    </message>
    <message>
        <source>This change was saved by an older Dispatch Console and cannot be re-applied: drop it and do it again.</source>
        <translation>This change was saved by an older Dispatch Console and cannot be re-applied: drop it and do it again.</translation>
    </message>
    <message>
        <source>The %1 is no longer there: this change cannot be re-applied; drop it.</source>
        <translation>The %1 is no longer there: this change cannot be re-applied; drop it.</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>The change could not be saved: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier change(s) of this desk that made rows it changes were re-applied with it.</source>
        <translation>
            <numerusform>The earlier change of this desk that made rows it changes was re-applied with it.</numerusform>
            <numerusform>%n earlier changes of this desk that made rows it changes were re-applied with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n later change(s) of this desk to rows it made were dropped with it.</source>
        <translation>
            <numerusform>The later change of this desk to rows it made was dropped with it.</numerusform>
            <numerusform>%n later changes of this desk to rows it made were dropped with it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Not a working day</source>
        <translation>Not a working day</translation>
    </message>
    <message>
        <source>The region the figures cover</source>
        <translation>The region the figures cover</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>This shift</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Customer levels</source>
        <translation>Customer levels</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>The figures could not be computed: %1</translation>
    </message>
    <message>
        <source>%1 to %2 · figures as of %3</source>
        <translation>%1 to %2 · figures as of %3</translation>
    </message>
    <message>
        <source>Dashboard: %1</source>
        <translation>Dashboard: %1</translation>
    </message>
</context>
<context>
    <name>DeadlineRecompute</name>
    <message>
        <source>Deadlines not recomputed: %1</source>
        <translation>Deadlines not recomputed: %1</translation>
    </message>
    <message>
        <source>Recomputing deadlines: %1 of %2 orders</source>
        <translation>Recomputing deadlines: %1 of %2 orders</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Nothing was saved</source>
        <translation>Nothing was saved</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>The change could not be saved: %1</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Something went wrong: %1

Your saved work is safe. The details are in %2.</source>
        <translation>Something went wrong: %1

Your saved work is safe. The details are in %2.</translation>
    </message>
</context>
<context>
    <name>ExceptionRulesDialog</name>
    <message>
        <source>Field exception rules</source>
        <translation>Field exception rules</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Re-issue the order</source>
        <translation>Re-issue the order</translation>
    </message>
    <message>
        <source>SLA clock</source>
        <translation>SLA clock</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Runs on</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>Pauses</translation>
    </message>
    <message>
        <source>Why the rules change (the notice or agreement they follow)</source>
        <translation>Why the rules change (the notice or agreement they follow)</translation>
    </message>
    <message>
        <source>Only a shift supervisor or an administrator may change these rules.</source>
        <translation>Only a shift supervisor or an administrator may change these rules.</translation>
    </message>
    <message>
        <source>What an exception reported from the field does to its order. Reports already made keep what they did.</source>
        <translation>What an exception reported from the field does to its order. Reports already made keep what they did.</translation>
    </message>
    <message>
        <source>Say why the rules change.</source>
        <translation>Say why the rules change.</translation>
    </message>
    <message>
        <source>The reason is longer than %1 characters.</source>
        <translation>The reason is longer than %1 characters.</translation>
    </message>
</context>
<context>
    <name>FieldPanel</name>
    <message>
        <source>The order is archived and re-issued</source>
        <translation>The order is archived and re-issued</translation>
    </message>
    <message>
        <source>The order is kept (not re-issued)</source>
        <translation>The order is kept (not re-issued)</translation>
    </message>
    <message>
        <source>its SLA clock pauses until the desk resumes it.</source>
        <translation>its SLA clock pauses until the desk resumes it.</translation>
    </message>
    <message>
        <source>its SLA clock runs on.</source>
        <translation>its SLA clock runs on.</translation>
    </message>
    <message>
        <source>Raise an exception…</source>
        <translation>Raise an exception…</translation>
    </message>
    <message>
        <source>Record an exception the technician called in and dispatch the order that carries on</source>
        <translation>Record an exception the technician called in and dispatch the order that carries on</translation>
    </message>
    <message>
        <source>Exception rules…</source>
        <translation>Exception rules…</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>Sign off…</translation>
    </message>
    <message>
        <source>A supervisor signs off a flagged check-in (off site or late) with a note</source>
        <translation>A supervisor signs off a flagged check-in (off site or late) with a note</translation>
    </message>
    <message>
        <source>Only a shift supervisor signs off a check-in</source>
        <translation>Only a shift supervisor signs off a check-in</translation>
    </message>
    <message>
        <source>Send the signature link again</source>
        <translation>Send the signature link again</translation>
    </message>
    <message>
        <source>Text the customer the link to sign the delivery report again</source>
        <translation>Text the customer the link to sign the delivery report again</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>The field events could not be read: %1</source>
        <translation>The field events could not be read: %1</translation>
    </message>
    <message>
        <source>%1 exception(s) · %2 re-issued</source>
        <translation>%1 exception(s) · %2 re-issued</translation>
    </message>
    <message>
        <source>median %1 min from report to re-issue</source>
        <translation>median %1 min from report to re-issue</translation>
    </message>
    <message>
        <source>%1 paused the clock</source>
        <translation>%1 paused the clock</translation>
    </message>
    <message>
        <source>Kept appointments: %1 of %2 visits (%3) · %4 off site · %5 late · %6 flagged, not signed off</source>
        <translation>Kept appointments: %1 of %2 visits (%3) · %4 off site · %5 late · %6 flagged, not signed off</translation>
    </message>
    <message>
        <source>%1 awaiting the customer&apos;s signature · %2 signed · %3 billing started</source>
        <translation>%1 awaiting the customer&apos;s signature · %2 signed · %3 billing started</translation>
    </message>
    <message>
        <source>%1 answer(s) · very satisfied %2 · %3 dissatisfied (call back)</source>
        <translation>%1 answer(s) · very satisfied %2 · %3 dissatisfied (call back)</translation>
    </message>
    <message>
        <source>Select an order dispatched to a technician first.</source>
        <translation>Select an order dispatched to a technician first.</translation>
    </message>
    <message>
        <source>Exception recorded on %1.</source>
        <translation>Exception recorded on %1.</translation>
    </message>
    <message>
        <source>The field exception rules were changed.</source>
        <translation>The field exception rules were changed.</translation>
    </message>
    <message>
        <source>Check-in on %1 signed off.</source>
        <translation>Check-in on %1 signed off.</translation>
    </message>
    <message>
        <source>The signature link for %1 will be sent again.</source>
        <translation>The signature link for %1 will be sent again.</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Nothing was changed</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>The change could not be saved: %1</translation>
    </message>
    <message>
        <source>That order is no longer open: it is not in the queue.</source>
        <translation>That order is no longer open: it is not in the queue.</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Re-issued as</source>
        <translation>Re-issued as</translation>
    </message>
    <message>
        <source>To re-issue</source>
        <translation>To re-issue</translation>
    </message>
    <message>
        <source>SLA clock</source>
        <translation>SLA clock</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>kept (not re-issued)</source>
        <translation>kept (not re-issued)</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Ran on</source>
        <translation>Ran on</translation>
    </message>
    <message>
        <source>%1 re-issued as %2 (now %3); double-click to open it</source>
        <translation>%1 re-issued as %2 (now %3); double-click to open it</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Against the window</source>
        <translation>Against the window</translation>
    </message>
    <message>
        <source>Signed off</source>
        <translation>Signed off</translation>
    </message>
    <message>
        <source>no site position</source>
        <translation>no site position</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1, off site</source>
        <translation>%1, off site</translation>
    </message>
    <message>
        <source>Appointment window %1</source>
        <translation>Appointment window %1</translation>
    </message>
    <message>
        <source>no appointment</source>
        <translation>no appointment</translation>
    </message>
    <message>
        <source>on time (kept)</source>
        <translation>on time (kept)</translation>
    </message>
    <message>
        <source>late by %1</source>
        <translation>late by %1</translation>
    </message>
    <message>
        <source>early by %1</source>
        <translation>early by %1</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>Delivery report</source>
        <translation>Delivery report</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Billing start</source>
        <translation>Billing start</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>↓%1 ↑%2 Mbps</source>
        <translation>↓%1 ↑%2 Mbps</translation>
    </message>
    <message>
        <source>signed on site</source>
        <translation>signed on site</translation>
    </message>
    <message>
        <source>signed through the link</source>
        <translation>signed through the link</translation>
    </message>
    <message>
        <source>link sent %1</source>
        <translation>link sent %1</translation>
    </message>
    <message>
        <source>awaiting the signature</source>
        <translation>awaiting the signature</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>Account manager</translation>
    </message>
</context>
<context>
    <name>FieldSection</name>
    <message>
        <source>Kept appointments (履约率)</source>
        <translation>Kept appointments (履约率)</translation>
    </message>
    <message>
        <source>Appointments not kept</source>
        <translation>Appointments not kept</translation>
    </message>
    <message>
        <source>Off-site check-ins</source>
        <translation>Off-site check-ins</translation>
    </message>
    <message>
        <source>Exception rate</source>
        <translation>Exception rate</translation>
    </message>
    <message>
        <source>Orders with a field exception</source>
        <translation>Orders with a field exception</translation>
    </message>
    <message>
        <source>Exception to re-issue</source>
        <translation>Exception to re-issue</translation>
    </message>
    <message>
        <source>First-visit completion</source>
        <translation>First-visit completion</translation>
    </message>
    <message>
        <source>Not done at the first visit</source>
        <translation>Not done at the first visit</translation>
    </message>
    <message>
        <source>Returned the same day (回单)</source>
        <translation>Returned the same day (回单)</translation>
    </message>
    <message>
        <source>Not returned the day resolved</source>
        <translation>Not returned the day resolved</translation>
    </message>
    <message>
        <source>Click a figure to see its orders in the queue; double-click a team for the orders that fell short (not kept, off site, an exception, more than one visit, not returned the same day).</source>
        <translation>Click a figure to see its orders in the queue; double-click a team for the orders that fell short (not kept, off site, an exception, more than one visit, not returned the same day).</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Kept appointments</source>
        <translation>Kept appointments</translation>
    </message>
    <message>
        <source>Returned the same day</source>
        <translation>Returned the same day</translation>
    </message>
    <message>
        <source>Short of the mark: team %1</source>
        <translation>Short of the mark: team %1</translation>
    </message>
    <message>
        <source>%1 kept of %2 visits due</source>
        <translation>%1 kept of %2 visits due</translation>
    </message>
    <message>
        <source>%1 of %2 check-ins farther than allowed from the site</source>
        <translation>%1 of %2 check-ins farther than allowed from the site</translation>
    </message>
    <message>
        <source>%1 of %2 orders met on site had a field exception</source>
        <translation>%1 of %2 orders met on site had a field exception</translation>
    </message>
    <message>
        <source>%1 of %2 resolved orders needed one visit</source>
        <translation>%1 of %2 resolved orders needed one visit</translation>
    </message>
    <message>
        <source>%1 of %2 resolved orders returned the same day</source>
        <translation>%1 of %2 resolved orders returned the same day</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message numerus="yes">
        <source>median of %n re-issued order(s)</source>
        <translation>
            <numerusform>median of %n re-issued order</numerusform>
            <numerusform>median of %n re-issued orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Audit finding for %1</source>
        <translation>Audit finding for %1</translation>
    </message>
    <message>
        <source>Another finding</source>
        <translation>Another finding</translation>
    </message>
    <message>
        <source>What the audit found, as you would write it in the report</source>
        <translation>What the audit found, as you would write it in the report</translation>
    </message>
    <message>
        <source>The remedy (整改) asked for, and by when</source>
        <translation>The remedy (整改) asked for, and by when</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Remedy</source>
        <translation>Remedy</translation>
    </message>
    <message>
        <source>Write the finding.</source>
        <translation>Write the finding.</translation>
    </message>
    <message>
        <source>Keep the finding and the remedy under %1 characters each.</source>
        <translation>Keep the finding and the remedy under %1 characters each.</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>The technician is not active.</source>
        <translation>The technician is not active.</translation>
    </message>
    <message>
        <source>The visit has no open order left.</source>
        <translation>The visit has no open order left.</translation>
    </message>
    <message>
        <source>The booking is pinned: unpin it before moving it.</source>
        <translation>The booking is pinned: unpin it before moving it.</translation>
    </message>
    <message>
        <source>The start is in the past.</source>
        <translation>The start is in the past.</translation>
    </message>
    <message>
        <source>Overlaps %1 (%2–%3) of the same technician.</source>
        <translation>Overlaps %1 (%2–%3) of the same technician.</translation>
    </message>
    <message>
        <source>Missing skill: %1.</source>
        <translation>Missing skill: %1.</translation>
    </message>
    <message>
        <source>Finishes %1 min after the SLA deadline (%2).</source>
        <translation>Finishes %1 min after the SLA deadline (%2).</translation>
    </message>
    <message>
        <source>Outside the technician&apos;s shift.</source>
        <translation>Outside the technician&apos;s shift.</translation>
    </message>
    <message>
        <source>During the technician&apos;s break (%1–%2).</source>
        <translation>During the technician&apos;s break (%1–%2).</translation>
    </message>
    <message>
        <source>Travel needs %1 min, only %2 min free.</source>
        <translation>Travel needs %1 min, only %2 min free.</translation>
    </message>
    <message>
        <source>The technician belongs to another region.</source>
        <translation>The technician belongs to another region.</translation>
    </message>
    <message>
        <source>Outside the customer&apos;s window (%1–%2): a reschedule.</source>
        <translation>Outside the customer&apos;s window (%1–%2): a reschedule.</translation>
    </message>
    <message>
        <source>cannot be committed</source>
        <translation>cannot be committed</translation>
    </message>
    <message>
        <source>needs a reason</source>
        <translation>needs a reason</translation>
    </message>
    <message>
        <source>a supervisor, with a reason</source>
        <translation>a supervisor, with a reason</translation>
    </message>
    <message>
        <source>agree a new window with the customer</source>
        <translation>agree a new window with the customer</translation>
    </message>
    <message>
        <source>missing skill</source>
        <translation>missing skill</translation>
    </message>
    <message>
        <source>no free slot</source>
        <translation>no free slot</translation>
    </message>
    <message>
        <source>would breach</source>
        <translation>would breach</translation>
    </message>
    <message>
        <source>other region</source>
        <translation>other region</translation>
    </message>
    <message>
        <source>busy day</source>
        <translation>busy day</translation>
    </message>
    <message>
        <source>The appointment no longer exists.</source>
        <translation>The appointment no longer exists.</translation>
    </message>
    <message>
        <source>The appointment is already kept, missed or cancelled.</source>
        <translation>The appointment is already kept, missed or cancelled.</translation>
    </message>
    <message>
        <source>It is already confirmed.</source>
        <translation>It is already confirmed.</translation>
    </message>
    <message>
        <source>The customer has not confirmed it yet.</source>
        <translation>The customer has not confirmed it yet.</translation>
    </message>
    <message>
        <source>The technician reconfirms on the day of the visit.</source>
        <translation>The technician reconfirms on the day of the visit.</translation>
    </message>
    <message>
        <source>Choose the reason for the reschedule from the list.</source>
        <translation>Choose the reason for the reschedule from the list.</translation>
    </message>
    <message>
        <source>Write the reason.</source>
        <translation>Write the reason.</translation>
    </message>
    <message>
        <source>The reason is longer than 500 characters.</source>
        <translation>The reason is longer than 500 characters.</translation>
    </message>
    <message>
        <source>The window must last between 30 minutes and 12 hours.</source>
        <translation>The window must last between 30 minutes and 12 hours.</translation>
    </message>
    <message>
        <source>The window is already over.</source>
        <translation>The window is already over.</translation>
    </message>
    <message>
        <source>That is the window it already has.</source>
        <translation>That is the window it already has.</translation>
    </message>
    <message>
        <source>Only visits to the same site can be merged.</source>
        <translation>Only visits to the same site can be merged.</translation>
    </message>
    <message>
        <source>Choose two different appointments.</source>
        <translation>Choose two different appointments.</translation>
    </message>
    <message>
        <source>Choose the orders the visit is for.</source>
        <translation>Choose the orders the visit is for.</translation>
    </message>
    <message>
        <source>Order %1 already has an open appointment.</source>
        <translation>Order %1 already has an open appointment.</translation>
    </message>
    <message>
        <source>Order %1 is resolved or closed.</source>
        <translation>Order %1 is resolved or closed.</translation>
    </message>
    <message>
        <source>One visit covers orders of one site only.</source>
        <translation>One visit covers orders of one site only.</translation>
    </message>
    <message>
        <source>The booking is pinned: unpin it first.</source>
        <translation>The booking is pinned: unpin it first.</translation>
    </message>
    <message>
        <source>Someone else changed it meanwhile; look again.</source>
        <translation>Someone else changed it meanwhile; look again.</translation>
    </message>
    <message>
        <source>The booking rules do not allow it.</source>
        <translation>The booking rules do not allow it.</translation>
    </message>
    <message>
        <source>The visit starts now or has started: it stays where it is.</source>
        <translation>The visit starts now or has started: it stays where it is.</translation>
    </message>
</context>
<context>
    <name>HandoverNotice</name>
    <message>
        <source>⇄ Handover to acknowledge: %1</source>
        <translation>⇄ Handover to acknowledge: %1</translation>
    </message>
    <message>
        <source>Signed by %1 at %2. Click to read and acknowledge it.</source>
        <translation>Signed by %1 at %2. Click to read and acknowledge it.</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Remark (double-click to write)</source>
        <translation>Remark (double-click to write)</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>Shift handover</translation>
    </message>
    <message>
        <source>Notes for the incoming supervisor: what to watch, what was promised, what is left</source>
        <translation>Notes for the incoming supervisor: what to watch, what was promised, what is left</translation>
    </message>
    <message>
        <source>Sign handover…</source>
        <translation>Sign handover…</translation>
    </message>
    <message>
        <source>Only a shift supervisor signs the handover; a dispatcher reads it.</source>
        <translation>Only a shift supervisor signs the handover; a dispatcher reads it.</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>This shift</translation>
    </message>
    <message>
        <source>Past handovers</source>
        <translation>Past handovers</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Acknowledge…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>The handover could not be read: %1</source>
        <translation>The handover could not be read: %1</translation>
    </message>
    <message>
        <source>Handover: %1, signed by %2 at %3, awaits the incoming supervisor&apos;s acknowledgement.</source>
        <translation>Handover: %1, signed by %2 at %3, awaits the incoming supervisor&apos;s acknowledgement.</translation>
    </message>
    <message>
        <source>Handover: %1, signed by %2 at %3. Read it and acknowledge it.</source>
        <translation>Handover: %1, signed by %2 at %3. Read it and acknowledge it.</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Notes: %1</translation>
    </message>
    <message>
        <source>This shift&apos;s handover was signed by %1 at %2.</source>
        <translation>This shift&apos;s handover was signed by %1 at %2.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>Draft as of %1: %2 line(s). Untick a line to leave it out; double-click the remark to write one.</source>
        <translation>Draft as of %1: %2 line(s). Untick a line to leave it out; double-click the remark to write one.</translation>
    </message>
    <message>
        <source>Draft as of %1: %2 line(s). The shift supervisor signs it.</source>
        <translation>Draft as of %1: %2 line(s). The shift supervisor signs it.</translation>
    </message>
    <message>
        <source>A remark is kept to %1 characters.</source>
        <translation>A remark is kept to %1 characters.</translation>
    </message>
    <message>
        <source>Sign the handover</source>
        <translation>Sign the handover</translation>
    </message>
    <message>
        <source>Sign the handover of the %1? The lines are recorded as they stand when it is signed (%2 left out); the incoming supervisor acknowledges it.</source>
        <translation>Sign the handover of the %1? The lines are recorded as they stand when it is signed (%2 left out); the incoming supervisor acknowledges it.</translation>
    </message>
    <message>
        <source>Keep the notes under %1 characters.</source>
        <translation>Keep the notes under %1 characters.</translation>
    </message>
    <message>
        <source>Acknowledge the handover</source>
        <translation>Acknowledge the handover</translation>
    </message>
    <message>
        <source>Your note (what you take on, what you will check first):</source>
        <translation>Your note (what you take on, what you will check first):</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Nothing was changed</translation>
    </message>
    <message>
        <source>The handover could not be saved: %1</source>
        <translation>The handover could not be saved: %1</translation>
    </message>
    <message>
        <source>left out at signing</source>
        <translation>left out at signing</translation>
    </message>
    <message>
        <source>Orders at risk</source>
        <translation>Orders at risk</translation>
    </message>
    <message>
        <source>Field exceptions waiting</source>
        <translation>Field exceptions waiting</translation>
    </message>
    <message>
        <source>Long pauses to approve</source>
        <translation>Long pauses to approve</translation>
    </message>
    <message>
        <source>Alerts nobody acknowledged</source>
        <translation>Alerts nobody acknowledged</translation>
    </message>
    <message>
        <source>Callbacks due</source>
        <translation>Callbacks due</translation>
    </message>
    <message>
        <source>Day shift</source>
        <translation>Day shift</translation>
    </message>
    <message>
        <source>Night shift</source>
        <translation>Night shift</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <translation>overdue since %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>no technician</source>
        <translation>no technician</translation>
    </message>
    <message>
        <source>exception</source>
        <translation>exception</translation>
    </message>
    <message>
        <source>reported %1</source>
        <translation>reported %1</translation>
    </message>
    <message>
        <source>re-issued from %1</source>
        <translation>re-issued from %1</translation>
    </message>
    <message>
        <source>clock paused</source>
        <translation>clock paused</translation>
    </message>
    <message>
        <source>not dispatched yet</source>
        <translation>not dispatched yet</translation>
    </message>
    <message>
        <source>paused since %1</source>
        <translation>paused since %1</translation>
    </message>
    <message>
        <source>awaits approval since %1</source>
        <translation>awaits approval since %1</translation>
    </message>
    <message>
        <source>needs approval from %1</source>
        <translation>needs approval from %1</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>was due %1</source>
        <translation>was due %1</translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation>not acknowledged</translation>
    </message>
</context>
<context>
    <name>HandoverRecords</name>
    <message>
        <source>A person, an order number, a customer or words of the notes</source>
        <translation>A person, an order number, a customer or words of the notes</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Acknowledged by</translation>
    </message>
    <message>
        <source>Acknowledged at</source>
        <translation>Acknowledged at</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Past shift handovers</source>
        <translation>Past shift handovers</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>Shift handover</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>Search:</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>The handovers could not be read: %1</source>
        <translation>The handovers could not be read: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n handover(s)</source>
        <translation>
            <numerusform>%n handover</numerusform>
            <numerusform>%n handovers</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Signed by %1 at %2</source>
        <translation>Signed by %1 at %2</translation>
    </message>
    <message>
        <source>Acknowledged by %1 at %2</source>
        <translation>Acknowledged by %1 at %2</translation>
    </message>
    <message>
        <source>Not acknowledged yet</source>
        <translation>Not acknowledged yet</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Notes: %1</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Order number, circuit, customer, phone, address, technician or order-system reference</source>
        <translation>Order number, circuit, customer, phone, address, technician or order-system reference</translation>
    </message>
    <message>
        <source>Type two letters or more to search every order this desk holds, open or closed.</source>
        <translation>Type two letters or more to search every order this desk holds, open or closed.</translation>
    </message>
    <message>
        <source>Choose an order to see its whole story.</source>
        <translation>Choose an order to see its whole story.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>The search failed: %1</translation>
    </message>
    <message>
        <source>Type two letters or more.</source>
        <translation>Type two letters or more.</translation>
    </message>
    <message>
        <source>No order matches “%1”.</source>
        <translation>No order matches “%1”.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s), newest first</source>
        <translation>
            <numerusform>%n order, newest first</numerusform>
            <numerusform>%n orders, newest first</numerusform>
        </translation>
    </message>
    <message>
        <source>more than %1 more: type more to narrow the search</source>
        <translation>more than %1 more: type more to narrow the search</translation>
    </message>
    <message>
        <source>%1 more: type more to narrow the search</source>
        <translation>%1 more: type more to narrow the search</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Survey</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Provisioning</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <source>Key assurance</source>
        <translation>Key assurance</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>Diamond</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>Bronze</translation>
    </message>
    <message>
        <source>AAA</source>
        <translation>AAA</translation>
    </message>
    <message>
        <source>AA</source>
        <translation>AA</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>Dedicated internet line</source>
        <translation>Dedicated internet line</translation>
    </message>
    <message>
        <source>Data private line</source>
        <translation>Data private line</translation>
    </message>
    <message>
        <source>MPLS VPN</source>
        <translation>MPLS VPN</translation>
    </message>
    <message>
        <source>SD-WAN</source>
        <translation>SD-WAN</translation>
    </message>
    <message>
        <source>Cloud private line</source>
        <translation>Cloud private line</translation>
    </message>
    <message>
        <source>Voice trunk</source>
        <translation>Voice trunk</translation>
    </message>
    <message>
        <source>Resource check</source>
        <translation>Resource check</translation>
    </message>
    <message>
        <source>Construction</source>
        <translation>Construction</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>On-site installation</source>
        <translation>On-site installation</translation>
    </message>
    <message>
        <source>Test and delivery</source>
        <translation>Test and delivery</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Reconfirmed on the day</source>
        <translation>Reconfirmed on the day</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>Rescheduled</translation>
    </message>
    <message>
        <source>Merged into one visit</source>
        <translation>Merged into one visit</translation>
    </message>
    <message>
        <source>Moved on the board</source>
        <translation>Moved on the board</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Pinned</translation>
    </message>
    <message>
        <source>Unpinned</source>
        <translation>Unpinned</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Text message</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Customer asked</source>
        <translation>Customer asked</translation>
    </message>
    <message>
        <source>Customer unreachable</source>
        <translation>Customer unreachable</translation>
    </message>
    <message>
        <source>Site not ready</source>
        <translation>Site not ready</translation>
    </message>
    <message>
        <source>Technician unavailable</source>
        <translation>Technician unavailable</translation>
    </message>
    <message>
        <source>Material missing</source>
        <translation>Material missing</translation>
    </message>
    <message>
        <source>Weather</source>
        <translation>Weather</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Customer not ready</source>
        <translation>Customer not ready</translation>
    </message>
    <message>
        <source>Customer asked to postpone</source>
        <translation>Customer asked to postpone</translation>
    </message>
    <message>
        <source>Fiber port broken</source>
        <translation>Fiber port broken</translation>
    </message>
    <message>
        <source>Fiber port taken</source>
        <translation>Fiber port taken</translation>
    </message>
    <message>
        <source>Optical box unusable</source>
        <translation>Optical box unusable</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>Dispatcher</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>Site survey</source>
        <translation>Site survey</translation>
    </message>
    <message>
        <source>Fiber splicing</source>
        <translation>Fiber splicing</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Data configuration</source>
        <translation>Data configuration</translation>
    </message>
    <message>
        <source>Transmission</source>
        <translation>Transmission</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>Testing</translation>
    </message>
    <message>
        <source>Fault repair</source>
        <translation>Fault repair</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voice</translation>
    </message>
    <message>
        <source>the order is closed</source>
        <translation>the order is closed</translation>
    </message>
    <message>
        <source>the technician is on site; hand the order over in the field first</source>
        <translation>the technician is on site; hand the order over in the field first</translation>
    </message>
    <message>
        <source>the order is resolved and waits for the customer&apos;s signature</source>
        <translation>the order is resolved and waits for the customer&apos;s signature</translation>
    </message>
    <message>
        <source>the clock is already paused</source>
        <translation>the clock is already paused</translation>
    </message>
    <message>
        <source>the clock is not paused</source>
        <translation>the clock is not paused</translation>
    </message>
    <message>
        <source>the pause is already approved</source>
        <translation>the pause is already approved</translation>
    </message>
    <message>
        <source>only a shift supervisor may approve a long pause</source>
        <translation>only a shift supervisor may approve a long pause</translation>
    </message>
    <message>
        <source>the priority must be between 1 and 5</source>
        <translation>the priority must be between 1 and 5</translation>
    </message>
    <message>
        <source>the technician is no longer active</source>
        <translation>the technician is no longer active</translation>
    </message>
    <message>
        <source>the order was changed elsewhere; look at it again</source>
        <translation>the order was changed elsewhere; look at it again</translation>
    </message>
    <message>
        <source>the order no longer exists</source>
        <translation>the order no longer exists</translation>
    </message>
    <message>
        <source>the order has no technician</source>
        <translation>the order has no technician</translation>
    </message>
    <message>
        <source>the technician has accepted the order; hand it over in the field first</source>
        <translation>the technician has accepted the order; hand it over in the field first</translation>
    </message>
    <message>
        <source>the order is not accepted yet</source>
        <translation>the order is not accepted yet</translation>
    </message>
    <message>
        <source>the work has not started yet</source>
        <translation>the work has not started yet</translation>
    </message>
    <message>
        <source>the work has already started</source>
        <translation>the work has already started</translation>
    </message>
    <message>
        <source>the order is not resolved yet</source>
        <translation>the order is not resolved yet</translation>
    </message>
    <message>
        <source>the completion was already returned to the order system</source>
        <translation>the completion was already returned to the order system</translation>
    </message>
    <message>
        <source>a provisioning order is completed by the delivery report and closed by the customer&apos;s signature</source>
        <translation>a provisioning order is completed by the delivery report and closed by the customer&apos;s signature</translation>
    </message>
    <message>
        <source>record the network investigation first</source>
        <translation>record the network investigation first</translation>
    </message>
    <message>
        <source>the investigation is already recorded</source>
        <translation>the investigation is already recorded</translation>
    </message>
    <message>
        <source>only a complaint has an investigation stage</source>
        <translation>only a complaint has an investigation stage</translation>
    </message>
    <message>
        <source>the order has no department step running</source>
        <translation>the order has no department step running</translation>
    </message>
    <message>
        <source>that step is not the one running</source>
        <translation>that step is not the one running</translation>
    </message>
    <message>
        <source>that step is already done</source>
        <translation>that step is already done</translation>
    </message>
    <message>
        <source>The customer withdrew it</source>
        <translation>The customer withdrew it</translation>
    </message>
    <message>
        <source>Ordered twice</source>
        <translation>Ordered twice</translation>
    </message>
    <message>
        <source>Withdrawn by the order system</source>
        <translation>Withdrawn by the order system</translation>
    </message>
    <message>
        <source>No resource can serve the site</source>
        <translation>No resource can serve the site</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>overall</source>
        <translation>overall</translation>
    </message>
    <message>
        <source>resource check</source>
        <translation>resource check</translation>
    </message>
    <message>
        <source>construction</source>
        <translation>construction</translation>
    </message>
    <message>
        <source>configuration</source>
        <translation>configuration</translation>
    </message>
    <message>
        <source>on-site installation</source>
        <translation>on-site installation</translation>
    </message>
    <message>
        <source>test and delivery</source>
        <translation>test and delivery</translation>
    </message>
    <message>
        <source>response</source>
        <translation>response</translation>
    </message>
    <message>
        <source>restoration</source>
        <translation>restoration</translation>
    </message>
    <message>
        <source>acceptance</source>
        <translation>acceptance</translation>
    </message>
    <message>
        <source>investigation</source>
        <translation>investigation</translation>
    </message>
    <message>
        <source>feedback</source>
        <translation>feedback</translation>
    </message>
    <message>
        <source>Order received</source>
        <translation>Order received</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Taken back from the technician</source>
        <translation>Taken back from the technician</translation>
    </message>
    <message>
        <source>Archived and re-issued</source>
        <translation>Archived and re-issued</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>Work started</translation>
    </message>
    <message>
        <source>Network investigation recorded</source>
        <translation>Network investigation recorded</translation>
    </message>
    <message>
        <source>Returned to the order system</source>
        <translation>Returned to the order system</translation>
    </message>
    <message>
        <source>Department step done</source>
        <translation>Department step done</translation>
    </message>
    <message>
        <source>Department chased</source>
        <translation>Department chased</translation>
    </message>
    <message>
        <source>SLA clock paused</source>
        <translation>SLA clock paused</translation>
    </message>
    <message>
        <source>SLA clock resumed</source>
        <translation>SLA clock resumed</translation>
    </message>
    <message>
        <source>Long pause approved</source>
        <translation>Long pause approved</translation>
    </message>
    <message>
        <source>Priority changed</source>
        <translation>Priority changed</translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation>Appointment booked</translation>
    </message>
    <message>
        <source>Appointment rescheduled</source>
        <translation>Appointment rescheduled</translation>
    </message>
    <message>
        <source>Check-in on site</source>
        <translation>Check-in on site</translation>
    </message>
    <message>
        <source>the disk of this computer is full, so nothing was saved. Free some space (or ask IT to), then do it again: your earlier work is safe.</source>
        <translation>the disk of this computer is full, so nothing was saved. Free some space (or ask IT to), then do it again: your earlier work is safe.</translation>
    </message>
    <message>
        <source>the disk of this computer could not write the data file, so nothing was saved. Do it again; if it happens again, ask IT to check the disk: your earlier work is safe.</source>
        <translation>the disk of this computer could not write the data file, so nothing was saved. Do it again; if it happens again, ask IT to check the disk: your earlier work is safe.</translation>
    </message>
    <message>
        <source>Field exception</source>
        <translation>Field exception</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Long pause</source>
        <translation>Long pause</translation>
    </message>
    <message>
        <source>Off-site check-in</source>
        <translation>Off-site check-in</translation>
    </message>
    <message>
        <source>Exception waiting</source>
        <translation>Exception waiting</translation>
    </message>
    <message>
        <source>Callback overdue</source>
        <translation>Callback overdue</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>Test results</translation>
    </message>
    <message>
        <source>Delivery report</source>
        <translation>Delivery report</translation>
    </message>
    <message>
        <source>Customer signed</source>
        <translation>Customer signed</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>Satisfaction survey</translation>
    </message>
    <message>
        <source>Check-in signed off</source>
        <translation>Check-in signed off</translation>
    </message>
    <message>
        <source>Signature link sent</source>
        <translation>Signature link sent</translation>
    </message>
    <message>
        <source>Field exception rule changed</source>
        <translation>Field exception rule changed</translation>
    </message>
    <message>
        <source>Alert acknowledged</source>
        <translation>Alert acknowledged</translation>
    </message>
    <message>
        <source>Alert escalated to the supervisors</source>
        <translation>Alert escalated to the supervisors</translation>
    </message>
    <message>
        <source>Satisfaction callback taken</source>
        <translation>Satisfaction callback taken</translation>
    </message>
    <message>
        <source>Satisfaction callback assigned</source>
        <translation>Satisfaction callback assigned</translation>
    </message>
    <message>
        <source>Customer called back</source>
        <translation>Customer called back</translation>
    </message>
    <message>
        <source>Callback remedy recorded</source>
        <translation>Callback remedy recorded</translation>
    </message>
    <message>
        <source>Callback remedy closed</source>
        <translation>Callback remedy closed</translation>
    </message>
    <message>
        <source>every level</source>
        <translation>every level</translation>
    </message>
    <message>
        <source>one action may change at most %1 rows, this one would change %2: do it in smaller parts (fewer orders at a time).</source>
        <translation>one action may change at most %1 rows, this one would change %2: do it in smaller parts (fewer orders at a time).</translation>
    </message>
</context>
<context>
    <name>LegendButton</name>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>What the colours, edges and marks on the board mean</source>
        <translation>What the colours, edges and marks on the board mean</translation>
    </message>
</context>
<context>
    <name>LevelsSection</name>
    <message>
        <source>Diamond customers&apos; share</source>
        <translation>Diamond customers&apos; share</translation>
    </message>
    <message>
        <source>Silver customers&apos; share</source>
        <translation>Silver customers&apos; share</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>Diamond</translation>
    </message>
    <message>
        <source>Diamond share</source>
        <translation>Diamond share</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Silver share</source>
        <translation>Silver share</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>quota %1</source>
        <translation>quota %1</translation>
    </message>
    <message>
        <source>Diamond over %1</source>
        <translation>Diamond over %1</translation>
    </message>
    <message>
        <source>Silver over %1</source>
        <translation>Silver over %1</translation>
    </message>
    <message>
        <source>Within quota</source>
        <translation>Within quota</translation>
    </message>
    <message>
        <source>Open orders of Diamond customers</source>
        <translation>Open orders of Diamond customers</translation>
    </message>
    <message>
        <source>Open orders of Silver customers</source>
        <translation>Open orders of Silver customers</translation>
    </message>
</context>
<context>
    <name>LifecycleMenu</name>
    <message>
        <source>&amp;Progress</source>
        <translation>&amp;Progress</translation>
    </message>
    <message>
        <source>&amp;Accept (response)</source>
        <translation>&amp;Accept (response)</translation>
    </message>
    <message>
        <source>&amp;Start work</source>
        <translation>&amp;Start work</translation>
    </message>
    <message>
        <source>&amp;Investigation done…</source>
        <translation>&amp;Investigation done…</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Resolve…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Re&amp;turn to the order system</source>
        <translation>Re&amp;turn to the order system</translation>
    </message>
    <message>
        <source>Department step &amp;done…</source>
        <translation>Department step &amp;done…</translation>
    </message>
    <message>
        <source>C&amp;hase the department…</source>
        <translation>C&amp;hase the department…</translation>
    </message>
    <message>
        <source>&amp;Cancel the order…</source>
        <translation>&amp;Cancel the order…</translation>
    </message>
    <message>
        <source>Network investigation done</source>
        <translation>Network investigation done</translation>
    </message>
    <message>
        <source>Record the network investigation (排查) of %1 complaint(s): the feedback to the customer is due next.</source>
        <translation>Record the network investigation (排查) of %1 complaint(s): the feedback to the customer is due next.</translation>
    </message>
    <message>
        <source>What the investigation found</source>
        <translation>What the investigation found</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>Resolve %1 order(s): the work is done (a complaint: the customer has had the feedback).</source>
        <translation>Resolve %1 order(s): the work is done (a complaint: the customer has had the feedback).</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Cancel the order</translation>
    </message>
    <message>
        <source>Cancel %1 order(s). A visit booked only for them is cancelled too.</source>
        <translation>Cancel %1 order(s). A visit booked only for them is cancelled too.</translation>
    </message>
    <message>
        <source>Who asked for it, and why</source>
        <translation>Who asked for it, and why</translation>
    </message>
    <message>
        <source>Department step done</source>
        <translation>Department step done</translation>
    </message>
    <message>
        <source>Order %1: %2 is done. The next department&apos;s step starts now with its own limit.</source>
        <translation>Order %1: %2 is done. The next department&apos;s step starts now with its own limit.</translation>
    </message>
    <message>
        <source>Who confirmed it, what was handed over</source>
        <translation>Who confirmed it, what was handed over</translation>
    </message>
    <message>
        <source>Chase the department</source>
        <translation>Chase the department</translation>
    </message>
    <message>
        <source>Chase (催办) the department of the running step of %1 order(s). It is recorded in each order&apos;s history.</source>
        <translation>Chase (催办) the department of the running step of %1 order(s). It is recorded in each order&apos;s history.</translation>
    </message>
    <message>
        <source>Whom you reached, what they promised</source>
        <translation>Whom you reached, what they promised</translation>
    </message>
</context>
<context>
    <name>LoadSection</name>
    <message>
        <source>Utilisation by team (visits and travel against shift time)</source>
        <translation>Utilisation by team (visits and travel against shift time)</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>Technicians</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Open orders</translation>
    </message>
    <message>
        <source>Booked h</source>
        <translation>Booked h</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>Open orders of team %1</source>
        <translation>Open orders of team %1</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>Busy h</source>
        <translation>Busy h</translation>
    </message>
    <message>
        <source>Shift h</source>
        <translation>Shift h</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Open orders of %1</source>
        <translation>Open orders of %1</translation>
    </message>
    <message>
        <source>overbooked</source>
        <translation>overbooked</translation>
    </message>
    <message>
        <source>no shift</source>
        <translation>no shift</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; idle (under %2 of their shift) · &lt;b&gt;%3&lt;/b&gt; overbooked (over %4) · double-click a row for its open orders</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; idle (under %2 of their shift) · &lt;b&gt;%3&lt;/b&gt; overbooked (over %4) · double-click a row for its open orders</translation>
    </message>
    <message>
        <source>Overbooked</source>
        <translation>Overbooked</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>No shift</source>
        <translation>No shift</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to the centre</source>
        <translation>Log in to the centre</translation>
    </message>
    <message>
        <source>Remember the password in this computer&apos;s keyring</source>
        <translation>Remember the password in this computer&apos;s keyring</translation>
    </message>
    <message>
        <source>This computer has no keyring: the password is asked at each start.</source>
        <translation>This computer has no keyring: the password is asked at each start.</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dispatch Console</source>
        <translation>Dispatch Console</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Work orders</translation>
    </message>
    <message>
        <source>Schedule board</source>
        <translation>Schedule board</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Orders</translation>
    </message>
    <message>
        <source>&amp;Book a visit…</source>
        <translation>&amp;Book a visit…</translation>
    </message>
    <message>
        <source>Find a &amp;technician…</source>
        <translation>Find a &amp;technician…</translation>
    </message>
    <message>
        <source>&amp;Optimise the plan…</source>
        <translation>&amp;Optimise the plan…</translation>
    </message>
    <message>
        <source>Technician&apos;s &amp;route today…</source>
        <translation>Technician&apos;s &amp;route today…</translation>
    </message>
    <message>
        <source>Working &amp;calendar…</source>
        <translation>Working &amp;calendar…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Order &amp;details</source>
        <translation>Order &amp;details</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Map</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Columns</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>&amp;Supervisor</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About Dispatch Console</source>
        <translation>&amp;About Dispatch Console</translation>
    </message>
    <message>
        <source>Select one order to book its visit.</source>
        <translation>Select one order to book its visit.</translation>
    </message>
    <message>
        <source>all regions</source>
        <translation>all regions</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Local only</translation>
    </message>
    <message>
        <source>No central service is configured: changes stay in this desk&apos;s data file.</source>
        <translation>No central service is configured: changes stay in this desk&apos;s data file.</translation>
    </message>
    <message>
        <source>Loading the queue…</source>
        <translation>Loading the queue…</translation>
    </message>
    <message>
        <source>Select an order in the queue first.</source>
        <translation>Select an order in the queue first.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) changed and saved.</source>
        <translation>
            <numerusform>%n order changed and saved.</numerusform>
            <numerusform>%n orders changed and saved.</numerusform>
        </translation>
    </message>
    <message>
        <source>Whose route?</source>
        <translation>Whose route?</translation>
    </message>
    <message>
        <source>%1: %2 appointment(s) today</source>
        <translation>%1: %2 appointment(s) today</translation>
    </message>
    <message>
        <source>Breached: %1</source>
        <translation>Breached: %1</translation>
    </message>
    <message>
        <source>Turned red: %1</source>
        <translation>Turned red: %1</translation>
    </message>
    <message>
        <source>SLA alert</source>
        <translation>SLA alert</translation>
    </message>
    <message>
        <source>The data could not be read: %1</source>
        <translation>The data could not be read: %1</translation>
    </message>
    <message>
        <source>Open orders in this band, of those the queue&apos;s filter shows</source>
        <translation>Open orders in this band, of those the queue&apos;s filter shows</translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <translation>Data file: %1</translation>
    </message>
    <message>
        <source>About Dispatch Console</source>
        <translation>About Dispatch Console</translation>
    </message>
    <message>
        <source>Dispatch Console %1
The dispatch desk for enterprise-line installation and repair.</source>
        <translation>Dispatch Console %1
The dispatch desk for enterprise-line installation and repair.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Alerts</translation>
    </message>
    <message>
        <source>Alerts nobody has acknowledged (F9: the list)</source>
        <translation>Alerts nobody has acknowledged (F9: the list)</translation>
    </message>
    <message>
        <source>⇪ %1 escalated</source>
        <translation>⇪ %1 escalated</translation>
    </message>
    <message>
        <source>⚠ %1 alerts</source>
        <translation>⚠ %1 alerts</translation>
    </message>
    <message>
        <source>Compliance audit</source>
        <translation>Compliance audit</translation>
    </message>
    <message>
        <source>Compliance a&amp;udit</source>
        <translation>Compliance a&amp;udit</translation>
    </message>
    <message>
        <source>Dashboards</source>
        <translation>Dashboards</translation>
    </message>
    <message>
        <source>&amp;Dashboards</source>
        <translation>&amp;Dashboards</translation>
    </message>
    <message>
        <source>SLA, load, field, satisfaction and customer levels</source>
        <translation>SLA, load, field, satisfaction and customer levels</translation>
    </message>
    <message>
        <source>Field events</source>
        <translation>Field events</translation>
    </message>
    <message>
        <source>&amp;Field events</source>
        <translation>&amp;Field events</translation>
    </message>
    <message>
        <source>Raise a field &amp;exception…</source>
        <translation>Raise a field &amp;exception…</translation>
    </message>
    <message>
        <source>Field exception r&amp;ules…</source>
        <translation>Field exception r&amp;ules…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Order &amp;history…</source>
        <translation>Order &amp;history…</translation>
    </message>
    <message>
        <source>Find any order, open or closed, and see its whole story</source>
        <translation>Find any order, open or closed, and see its whole story</translation>
    </message>
    <message>
        <source>Satisfaction callbacks</source>
        <translation>Satisfaction callbacks</translation>
    </message>
    <message>
        <source>Satisfaction call&amp;backs</source>
        <translation>Satisfaction call&amp;backs</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>Shift handover</translation>
    </message>
    <message>
        <source>Shift &amp;handover</source>
        <translation>Shift &amp;handover</translation>
    </message>
    <message>
        <source>The handover to the incoming shift supervisor, and the past ones</source>
        <translation>The handover to the incoming shift supervisor, and the past ones</translation>
    </message>
    <message>
        <source>&amp;Monthly report…</source>
        <translation>&amp;Monthly report…</translation>
    </message>
    <message>
        <source>The month&apos;s operational analysis report as PDF and Excel</source>
        <translation>The month&apos;s operational analysis report as PDF and Excel</translation>
    </message>
    <message>
        <source>&amp;Rules…</source>
        <translation>&amp;Rules…</translation>
    </message>
</context>
<context>
    <name>MapDock</name>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Place on the map</source>
        <translation>Place on the map</translation>
    </message>
    <message>
        <source>Put %1 at %2, %3 on the map? The change is kept in the site&apos;s history.</source>
        <translation>Put %1 at %2, %3 on the map? The change is kept in the site&apos;s history.</translation>
    </message>
    <message numerus="yes">
        <source>Asked the geocoder again for %n site(s); their positions come with the next sync.</source>
        <translation>
            <numerusform>Asked the geocoder again for %n site; its position comes with the next sync.</numerusform>
            <numerusform>Asked the geocoder again for %n sites; their positions come with the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Nothing was changed</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>The change could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>MapTiles</name>
    <message>
        <source>The basemap file %1 does not exist.</source>
        <translation>The basemap file %1 does not exist.</translation>
    </message>
    <message>
        <source>The basemap file %1 is a folder, not a file.</source>
        <translation>The basemap file %1 is a folder, not a file.</translation>
    </message>
    <message>
        <source>The basemap file %1 cannot be read (%2).</source>
        <translation>The basemap file %1 cannot be read (%2).</translation>
    </message>
    <message>
        <source>The basemap file %1 is neither an MBTiles nor a PMTiles file.</source>
        <translation>The basemap file %1 is neither an MBTiles nor a PMTiles file.</translation>
    </message>
    <message>
        <source>The basemap file %1 is an SQLite database but not MBTiles (it has no tiles table).</source>
        <translation>The basemap file %1 is an SQLite database but not MBTiles (it has no tiles table).</translation>
    </message>
    <message>
        <source>The basemap file %1 holds vector tiles (%2); the map shows raster tiles (PNG, JPEG or WebP): ask your GIS team for a raster export.</source>
        <translation>The basemap file %1 holds vector tiles (%2); the map shows raster tiles (PNG, JPEG or WebP): ask your GIS team for a raster export.</translation>
    </message>
    <message>
        <source>The basemap file %1 holds tiles in a format the map cannot show (%2).</source>
        <translation>The basemap file %1 holds tiles in a format the map cannot show (%2).</translation>
    </message>
    <message>
        <source>The basemap file %1 holds no tiles.</source>
        <translation>The basemap file %1 holds no tiles.</translation>
    </message>
    <message>
        <source>The map shows the district outlines without it; change the basemap file in the settings.</source>
        <translation>The map shows the district outlines without it; change the basemap file in the settings.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Place on the map</source>
        <translation>Place on the map</translation>
    </message>
    <message>
        <source>Then click where the site is on the map (Esc: cancel); or drag the site from the list onto the map</source>
        <translation>Then click where the site is on the map (Esc: cancel); or drag the site from the list onto the map</translation>
    </message>
    <message>
        <source>Geocode again</source>
        <translation>Geocode again</translation>
    </message>
    <message>
        <source>Ask the centre&apos;s geocoder again for the selected sites&apos; positions</source>
        <translation>Ask the centre&apos;s geocoder again for the selected sites&apos; positions</translation>
    </message>
    <message>
        <source>Technician seen</source>
        <translation>Technician seen</translation>
    </message>
    <message>
        <source>lately</source>
        <translation>lately</translation>
    </message>
    <message>
        <source>%1+ min ago</source>
        <translation>%1+ min ago</translation>
    </message>
    <message>
        <source>%1+ h ago</source>
        <translation>%1+ h ago</translation>
    </message>
    <message>
        <source>Lasso: draw around sites to select their orders (Esc cancels)</source>
        <translation>Lasso: draw around sites to select their orders (Esc cancels)</translation>
    </message>
    <message>
        <source>no position reported</source>
        <translation>no position reported</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>last seen %1</translation>
    </message>
    <message>
        <source>no position</source>
        <translation>no position</translation>
    </message>
    <message>
        <source>impossible position</source>
        <translation>impossible position</translation>
    </message>
    <message>
        <source>far outside the service area</source>
        <translation>far outside the service area</translation>
    </message>
    <message>
        <source>Unplaced sites (%1)</source>
        <translation>Unplaced sites (%1)</translation>
    </message>
    <message>
        <source>Click where the site is (Esc: cancel)</source>
        <translation>Click where the site is (Esc: cancel)</translation>
    </message>
</context>
<context>
    <name>MonthlyReport</name>
    <message>
        <source>Monthly operational analysis report</source>
        <translation>Monthly operational analysis report</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>Figures as of</source>
        <translation>Figures as of</translation>
    </message>
    <message>
        <source>The month is not over: the figures are as of the time above.</source>
        <translation>The month is not over: the figures are as of the time above.</translation>
    </message>
    <message>
        <source>Due by the 5th of the next month</source>
        <translation>Due by the 5th of the next month</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>SLA compliance</source>
        <translation>SLA compliance</translation>
    </message>
    <message>
        <source>SLA compliance by kind</source>
        <translation>SLA compliance by kind</translation>
    </message>
    <message>
        <source>SLA compliance by customer level</source>
        <translation>SLA compliance by customer level</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Breaches</translation>
    </message>
    <message>
        <source>Causes of breaches</source>
        <translation>Causes of breaches</translation>
    </message>
    <message>
        <source>Load and utilisation</source>
        <translation>Load and utilisation</translation>
    </message>
    <message>
        <source>Field compliance</source>
        <translation>Field compliance</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Dissatisfied answers</source>
        <translation>Dissatisfied answers</translation>
    </message>
    <message>
        <source>Customer-level quotas</source>
        <translation>Customer-level quotas</translation>
    </message>
    <message>
        <source>Open orders by band at each day&apos;s end</source>
        <translation>Open orders by band at each day&apos;s end</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Customer level</source>
        <translation>Customer level</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>In time</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Compliance rate</source>
        <translation>Compliance rate</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Finished at</source>
        <translation>Finished at</translation>
    </message>
    <message>
        <source>Hours late</source>
        <translation>Hours late</translation>
    </message>
    <message>
        <source>Unfinished at month end</source>
        <translation>Unfinished at month end</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>Pauses</translation>
    </message>
    <message>
        <source>Exceptions met</source>
        <translation>Exceptions met</translation>
    </message>
    <message>
        <source>Late departments</source>
        <translation>Late departments</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Which</translation>
    </message>
    <message>
        <source>late at the desk or in the field</source>
        <translation>late at the desk or in the field</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>Technicians</translation>
    </message>
    <message>
        <source>Orders finished</source>
        <translation>Orders finished</translation>
    </message>
    <message>
        <source>Hours booked</source>
        <translation>Hours booked</translation>
    </message>
    <message>
        <source>Hours on visits and driving</source>
        <translation>Hours on visits and driving</translation>
    </message>
    <message>
        <source>Shift hours</source>
        <translation>Shift hours</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Utilisation</translation>
    </message>
    <message>
        <source>Idle technicians</source>
        <translation>Idle technicians</translation>
    </message>
    <message>
        <source>Overbooked technicians</source>
        <translation>Overbooked technicians</translation>
    </message>
    <message>
        <source>Appointments kept</source>
        <translation>Appointments kept</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Exceptions reported</source>
        <translation>Exceptions reported</translation>
    </message>
    <message>
        <source>Orders that met an exception</source>
        <translation>Orders that met an exception</translation>
    </message>
    <message>
        <source>Orders met on site</source>
        <translation>Orders met on site</translation>
    </message>
    <message>
        <source>Exception rate</source>
        <translation>Exception rate</translation>
    </message>
    <message>
        <source>Orders re-issued</source>
        <translation>Orders re-issued</translation>
    </message>
    <message>
        <source>Median minutes to re-issue</source>
        <translation>Median minutes to re-issue</translation>
    </message>
    <message>
        <source>90th percentile minutes to re-issue</source>
        <translation>90th percentile minutes to re-issue</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Very-satisfied rate</source>
        <translation>Very-satisfied rate</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>Answered at</translation>
    </message>
    <message>
        <source>Callbacks due</source>
        <translation>Callbacks due</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>Called back</translation>
    </message>
    <message>
        <source>Remedies closed</source>
        <translation>Remedies closed</translation>
    </message>
    <message>
        <source>Callbacks overdue</source>
        <translation>Callbacks overdue</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>Diamond</translation>
    </message>
    <message>
        <source>Diamond share</source>
        <translation>Diamond share</translation>
    </message>
    <message>
        <source>Diamond quota</source>
        <translation>Diamond quota</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Silver share</source>
        <translation>Silver share</translation>
    </message>
    <message>
        <source>Silver quota</source>
        <translation>Silver quota</translation>
    </message>
    <message>
        <source>Over quota</source>
        <translation>Over quota</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>The first %1 of %2 are listed.</source>
        <translation>The first %1 of %2 are listed.</translation>
    </message>
    <message>
        <source>Nothing in this month.</source>
        <translation>Nothing in this month.</translation>
    </message>
    <message>
        <source>SLA compliance of the orders finished in the month</source>
        <translation>SLA compliance of the orders finished in the month</translation>
    </message>
    <message>
        <source>Breaches (finished late, or unfinished past a deadline in the month)</source>
        <translation>Breaches (finished late, or unfinished past a deadline in the month)</translation>
    </message>
    <message>
        <source>Utilisation of the technicians</source>
        <translation>Utilisation of the technicians</translation>
    </message>
    <message>
        <source>Field exceptions reported</source>
        <translation>Field exceptions reported</translation>
    </message>
    <message>
        <source>Dissatisfied answers called back</source>
        <translation>Dissatisfied answers called back</translation>
    </message>
    <message>
        <source>Regions over a level quota</source>
        <translation>Regions over a level quota</translation>
    </message>
    <message>
        <source>Clock paused for</source>
        <translation>Clock paused for</translation>
    </message>
    <message>
        <source>Field exception</source>
        <translation>Field exception</translation>
    </message>
    <message>
        <source>Department late</source>
        <translation>Department late</translation>
    </message>
    <message>
        <source>No recorded cause</source>
        <translation>No recorded cause</translation>
    </message>
    <message>
        <source>Appointments kept (every visit due)</source>
        <translation>Appointments kept (every visit due)</translation>
    </message>
    <message>
        <source>Check-ins on site (every check-in)</source>
        <translation>Check-ins on site (every check-in)</translation>
    </message>
    <message>
        <source>Audit of the closed orders</source>
        <translation>Audit of the closed orders</translation>
    </message>
    <message>
        <source>Resolved at the first visit</source>
        <translation>Resolved at the first visit</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>none given</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <source>Monthly operational analysis report</source>
        <translation>Monthly operational analysis report</translation>
    </message>
    <message>
        <source>%1 (under way)</source>
        <translation>%1 (under way)</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>All regions</translation>
    </message>
    <message>
        <source>To whom and how it was sent (optional)</source>
        <translation>To whom and how it was sent (optional)</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <source>Generate and save…</source>
        <translation>Generate and save…</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>Open the PDF</translation>
    </message>
    <message>
        <source>Open the workbook</source>
        <translation>Open the workbook</translation>
    </message>
    <message>
        <source>Choose the month and the region, then Generate and save…: the PDF is shown here, and the Excel workbook is saved beside it.</source>
        <translation>Choose the month and the region, then Generate and save…: the PDF is shown here, and the Excel workbook is saved beside it.</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>Sent:</translation>
    </message>
    <message>
        <source>Choose a region to see whether its report was sent and to mark it sent.</source>
        <translation>Choose a region to see whether its report was sent and to mark it sent.</translation>
    </message>
    <message>
        <source>The month is not over: its report is sent in the month after.</source>
        <translation>The month is not over: its report is sent in the month after.</translation>
    </message>
    <message>
        <source>Sent, marked by %1 at %2.</source>
        <translation>Sent, marked by %1 at %2.</translation>
    </message>
    <message>
        <source>Not sent yet: due by %1.</source>
        <translation>Not sent yet: due by %1.</translation>
    </message>
    <message>
        <source>Only a shift supervisor marks the report sent.</source>
        <translation>Only a shift supervisor marks the report sent.</translation>
    </message>
    <message>
        <source>It could not be marked sent: %1</source>
        <translation>It could not be marked sent: %1</translation>
    </message>
    <message>
        <source>Monthly report %1 %2</source>
        <translation>Monthly report %1 %2</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Save the monthly report</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Computing the figures and writing the files…</source>
        <translation>Computing the figures and writing the files…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n page(s)) and %2.</source>
        <translation>
            <numerusform>Saved %1 (%n page) and %2.</numerusform>
            <numerusform>Saved %1 (%n pages) and %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The report was not made: %1</source>
        <translation>The report was not made: %1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Choose a reason…</source>
        <translation>Choose a reason…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Choose a reason from the list.</source>
        <translation>Choose a reason from the list.</translation>
    </message>
    <message>
        <source>Write the note: it goes into the order&apos;s history.</source>
        <translation>Write the note: it goes into the order&apos;s history.</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>The note is longer than %1 characters.</translation>
    </message>
</context>
<context>
    <name>OptimiserDialog</name>
    <message>
        <source>Optimise the plan</source>
        <translation>Optimise the plan</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> day(s)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>For:</translation>
    </message>
    <message>
        <source>Search for at most:</source>
        <translation>Search for at most:</translation>
    </message>
    <message>
        <source>Choose the region and days, then run. Pinned visits and visits about to start are never moved.</source>
        <translation>Choose the region and days, then run. Pinned visits and visits about to start are never moved.</translation>
    </message>
    <message>
        <source>Run again on the current plan</source>
        <translation>Run again on the current plan</translation>
    </message>
    <message>
        <source>Show unchanged visits</source>
        <translation>Show unchanged visits</translation>
    </message>
    <message>
        <source>Tick all I can commit</source>
        <translation>Tick all I can commit</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>Untick all</translation>
    </message>
    <message>
        <source>Untick what no longer holds</source>
        <translation>Untick what no longer holds</translation>
    </message>
    <message>
        <source>Why the warnings are right anyway (kept in the audit log)</source>
        <translation>Why the warnings are right anyway (kept in the audit log)</translation>
    </message>
    <message>
        <source>Commit ticked lines</source>
        <translation>Commit ticked lines</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Reading the plan and searching…</source>
        <translation>Reading the plan and searching…</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>starting</translation>
    </message>
    <message>
        <source>stopping: keeping the best plan so far</source>
        <translation>stopping: keeping the best plan so far</translation>
    </message>
    <message>
        <source>%1 s of %2 s</source>
        <translation>%1 s of %2 s</translation>
    </message>
    <message>
        <source>done in %1 s</source>
        <translation>done in %1 s</translation>
    </message>
    <message>
        <source>The optimiser could not run: %1</source>
        <translation>The optimiser could not run: %1</translation>
    </message>
    <message>
        <source>a dispatcher plans their own region only.</source>
        <translation>a dispatcher plans their own region only.</translation>
    </message>
    <message>
        <source>the planning weights (rule parameters planning.*) are not usable numbers; a supervisor must correct them.</source>
        <translation>the planning weights (rule parameters planning.*) are not usable numbers; a supervisor must correct them.</translation>
    </message>
    <message>
        <source>an unexpected error (the log has the details).</source>
        <translation>an unexpected error (the log has the details).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 changes&lt;/b&gt;: %2 new visits, %3 technicians assigned, %4 new times, %5 other technicians; %6 not planned (each says why). Kept where they are: %7 pinned, under way or booked outside the shifts.</source>
        <translation>&lt;b&gt;%1 changes&lt;/b&gt;: %2 new visits, %3 technicians assigned, %4 new times, %5 other technicians; %6 not planned (each says why). Kept where they are: %7 pinned, under way or booked outside the shifts.</translation>
    </message>
    <message>
        <source>Travel: %1 km for %2 visits (now %3 km for %4). Deadlines missed: %5 (now %6).</source>
        <translation>Travel: %1 km for %2 visits (now %3 km for %4). Deadlines missed: %5 (now %6).</translation>
    </message>
    <message>
        <source>%1 ticked lines do not hold with this choice (in red).</source>
        <translation>%1 ticked lines do not hold with this choice (in red).</translation>
    </message>
    <message>
        <source>%1 lines ticked.</source>
        <translation>%1 lines ticked.</translation>
    </message>
    <message>
        <source>Some carry warnings: write a reason.</source>
        <translation>Some carry warnings: write a reason.</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Nothing was written: %1</translation>
    </message>
    <message>
        <source>The plan changed while the optimiser worked: %1 visits or orders it read were changed by someone else. Nothing was written.</source>
        <translation>The plan changed while the optimiser worked: %1 visits or orders it read were changed by someone else. Nothing was written.</translation>
    </message>
    <message>
        <source>Nothing was written: the booking rules refuse %1 of the ticked lines as the plan stands now (shown in red). Untick them, or run the optimiser again.</source>
        <translation>Nothing was written: the booking rules refuse %1 of the ticked lines as the plan stands now (shown in red). Untick them, or run the optimiser again.</translation>
    </message>
    <message>
        <source>%1 lines written.</source>
        <translation>%1 lines written.</translation>
    </message>
    <message>
        <source>Run the optimiser again on the current plan?</source>
        <translation>Run the optimiser again on the current plan?</translation>
    </message>
    <message>
        <source>The plan changed since the optimiser ran: a commit would be refused. Run it again.</source>
        <translation>The plan changed since the optimiser ran: a commit would be refused. Run it again.</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <source>Select an order in the queue to see its details.</source>
        <translation>Select an order in the queue to see its details.</translation>
    </message>
    <message>
        <source>Time left %1</source>
        <translation>Time left %1</translation>
    </message>
    <message>
        <source>clock paused</source>
        <translation>clock paused</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>resolved %1 after its deadline</source>
        <translation>resolved %1 after its deadline</translation>
    </message>
    <message>
        <source>resolved within its limit</source>
        <translation>resolved within its limit</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>SLA clock started</source>
        <translation>SLA clock started</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Response due</source>
        <translation>Response due</translation>
    </message>
    <message>
        <source>Clock paused since</source>
        <translation>Clock paused since</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Current step</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Replaces order</source>
        <translation>Replaces order</translation>
    </message>
    <message>
        <source>Replaced by order</source>
        <translation>Replaced by order</translation>
    </message>
    <message>
        <source>How the deadline is computed</source>
        <translation>How the deadline is computed</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>Pauses</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Service level</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>Account manager</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>not placed</source>
        <translation>not placed</translation>
    </message>
    <message>
        <source>Access points</source>
        <translation>Access points</translation>
    </message>
    <message>
        <source>Optical box / port</source>
        <translation>Optical box / port</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Circuit</source>
        <translation>Circuit</translation>
    </message>
    <message>
        <source>Assurance level</source>
        <translation>Assurance level</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Bandwidth</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>No appointment yet.</source>
        <translation>No appointment yet.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Nothing recorded yet.</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>done %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>Provisioning steps</source>
        <translation>Provisioning steps</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>Customer contact</source>
        <translation>Customer contact</translation>
    </message>
    <message>
        <source>Covers orders</source>
        <translation>Covers orders</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Pause the SLA clock</source>
        <translation>Pause the SLA clock</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Choose a reason…</translation>
    </message>
    <message>
        <source>What the customer said, when they expect to be ready</source>
        <translation>What the customer said, when they expect to be ready</translation>
    </message>
    <message numerus="yes">
        <source>Pause %n order(s). Every pause and resume is kept in the order&apos;s history.</source>
        <translation>
            <numerusform>Pause %n order. Every pause and resume is kept in the order&apos;s history.</numerusform>
            <numerusform>Pause %n orders. Every pause and resume is kept in the order&apos;s history.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>A pause needs a reason.</source>
        <translation>A pause needs a reason.</translation>
    </message>
</context>
<context>
    <name>PlanningPage</name>
    <message>
        <source>Waiting orders</source>
        <translation>Waiting orders</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <source>Click a visit on the board to act on it.</source>
        <translation>Click a visit on the board to act on it.</translation>
    </message>
    <message>
        <source>Optimise…</source>
        <translation>Optimise…</translation>
    </message>
    <message>
        <source>Plan a region&apos;s day with the batch optimiser: review the proposal, commit what you keep.</source>
        <translation>Plan a region&apos;s day with the batch optimiser: review the proposal, commit what you keep.</translation>
    </message>
    <message>
        <source>Book…</source>
        <translation>Book…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reschedule…</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Reconfirmed</source>
        <translation>Reconfirmed</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Cancel visit…</source>
        <translation>Cancel visit…</translation>
    </message>
    <message>
        <source>Merge into one visit</source>
        <translation>Merge into one visit</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>The plan could not be read: %1</source>
        <translation>The plan could not be read: %1</translation>
    </message>
    <message>
        <source>due</source>
        <translation>due</translation>
    </message>
    <message>
        <source>booked, no technician</source>
        <translation>booked, no technician</translation>
    </message>
    <message>
        <source>Drag onto a technician&apos;s row, or pick from the candidates.</source>
        <translation>Drag onto a technician&apos;s row, or pick from the candidates.</translation>
    </message>
    <message>
        <source>Waiting orders (%1)</source>
        <translation>Waiting orders (%1)</translation>
    </message>
    <message>
        <source>Propose a visit</source>
        <translation>Propose a visit</translation>
    </message>
    <message>
        <source>The visit is proposed: confirm the window with the customer next.</source>
        <translation>The visit is proposed: confirm the window with the customer next.</translation>
    </message>
    <message>
        <source>Move the visit</source>
        <translation>Move the visit</translation>
    </message>
    <message>
        <source>%1 to %2 at %3</source>
        <translation>%1 to %2 at %3</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>This technician has no free slot in time; drag the order onto the board instead.</source>
        <translation>This technician has no free slot in time; drag the order onto the board instead.</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Unpin</translation>
    </message>
    <message>
        <source>no technician</source>
        <translation>no technician</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>pinned</translation>
    </message>
    <message>
        <source>Book a visit</source>
        <translation>Book a visit</translation>
    </message>
    <message>
        <source>%1 waits for no visit: it has one booked (move it on the board) or its work is under way or done.</source>
        <translation>%1 waits for no visit: it has one booked (move it on the board) or its work is under way or done.</translation>
    </message>
    <message>
        <source>Cancel the visit</source>
        <translation>Cancel the visit</translation>
    </message>
    <message>
        <source>Why is the visit cancelled?</source>
        <translation>Why is the visit cancelled?</translation>
    </message>
    <message>
        <source>Two visits to %1 on %2: one visit would do.</source>
        <translation>Two visits to %1 on %2: one visit would do.</translation>
    </message>
    <message>
        <source>(%1 more)</source>
        <translation>(%1 more)</translation>
    </message>
    <message>
        <source>two teams, one visit</source>
        <translation>two teams, one visit</translation>
    </message>
</context>
<context>
    <name>ProposalTable</name>
    <message>
        <source>New visit</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>Technician assigned</source>
        <translation>Technician assigned</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>New time</translation>
    </message>
    <message>
        <source>Other technician</source>
        <translation>Other technician</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Not planned</source>
        <translation>Not planned</translation>
    </message>
    <message>
        <source>No technician on shift has the skills.</source>
        <translation>No technician on shift has the skills.</translation>
    </message>
    <message>
        <source>No skilled technician works during its window.</source>
        <translation>No skilled technician works during its window.</translation>
    </message>
    <message>
        <source>No skilled technician can get there and back in a shift.</source>
        <translation>No skilled technician can get there and back in a shift.</translation>
    </message>
    <message>
        <source>Pinned where it cannot be kept.</source>
        <translation>Pinned where it cannot be kept.</translation>
    </message>
    <message>
        <source>No room left in the shifts: more urgent work comes first.</source>
        <translation>No room left in the shifts: more urgent work comes first.</translation>
    </message>
    <message>
        <source>The site has no map position: travel cannot be planned.</source>
        <translation>The site has no map position: travel cannot be planned.</translation>
    </message>
    <message>
        <source>Its clock is paused (customer not ready or postponed): planned once resumed.</source>
        <translation>Its clock is paused (customer not ready or postponed): planned once resumed.</translation>
    </message>
    <message>
        <source>Pinned without a technician: assign it by hand.</source>
        <translation>Pinned without a technician: assign it by hand.</translation>
    </message>
    <message>
        <source>Starts within 15 minutes without a technician: assign it by hand.</source>
        <translation>Starts within 15 minutes without a technician: assign it by hand.</translation>
    </message>
    <message>
        <source>Booked with a technician of another region or not on duty.</source>
        <translation>Booked with a technician of another region or not on duty.</translation>
    </message>
    <message>
        <source>Its technician (already dispatched) cannot take it in these days.</source>
        <translation>Its technician (already dispatched) cannot take it in these days.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>What the rules say</source>
        <translation>What the rules say</translation>
    </message>
    <message>
        <source>Optimiser&apos;s proposal</source>
        <translation>Optimiser&apos;s proposal</translation>
    </message>
    <message>
        <source>You cannot commit this line as the plan stands.</source>
        <translation>You cannot commit this line as the plan stands.</translation>
    </message>
    <message>
        <source>The plan finishes this visit after its deadline.</source>
        <translation>The plan finishes this visit after its deadline.</translation>
    </message>
    <message>
        <source> It stays where it is.</source>
        <translation> It stays where it is.</translation>
    </message>
    <message>
        <source>waiting, no visit</source>
        <translation>waiting, no visit</translation>
    </message>
    <message>
        <source>%1 · no visit yet</source>
        <translation>%1 · no visit yet</translation>
    </message>
    <message>
        <source>no technician</source>
        <translation>no technician</translation>
    </message>
    <message>
        <source>Nothing speaks against it.</source>
        <translation>Nothing speaks against it.</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>Not written: %1</translation>
    </message>
    <message>
        <source>Written.</source>
        <translation>Written.</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Pauses awaiting approval</source>
        <translation>Pauses awaiting approval</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Save view…</translation>
    </message>
    <message>
        <source>Search number, customer, address, district, technician, circuit, phone</source>
        <translation>Search number, customer, address, district, technician, circuit, phone</translation>
    </message>
    <message>
        <source>Finds open orders by order number, customer name or code, address, district, technician, circuit id, or contact phone.</source>
        <translation>Finds open orders by order number, customer name or code, address, district, technician, circuit id, or contact phone.</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>Delete view</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Show every order again, not only the dashboard&apos;s</source>
        <translation>Show every order again, not only the dashboard&apos;s</translation>
    </message>
    <message>
        <source>All open orders</source>
        <translation>All open orders</translation>
    </message>
    <message>
        <source>Red and breached</source>
        <translation>Red and breached</translation>
    </message>
    <message>
        <source>Unassigned and breached</source>
        <translation>Unassigned and breached</translation>
    </message>
    <message>
        <source>Assignee: all</source>
        <translation>Assignee: all</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n order(s)</source>
        <translation>
            <numerusform>%1: %n order</numerusform>
            <numerusform>%1: %n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer open (not in the queue)</source>
        <translation>
            <numerusform>%n no longer open (not in the queue)</numerusform>
            <numerusform>%n no longer open (not in the queue)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Save view</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Name of the view:</translation>
    </message>
    <message>
        <source>The view was not saved: %1</source>
        <translation>The view was not saved: %1</translation>
    </message>
    <message>
        <source>The view was not deleted: %1</source>
        <translation>The view was not deleted: %1</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Assign…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>Pause clock…</source>
        <translation>Pause clock…</translation>
    </message>
    <message>
        <source>Resume clock</source>
        <translation>Resume clock</translation>
    </message>
    <message>
        <source>Approve long pause</source>
        <translation>Approve long pause</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>%1 (1 is the most urgent)</source>
        <translation>%1 (1 is the most urgent)</translation>
    </message>
    <message>
        <source>&amp;Next red or late order</source>
        <translation>&amp;Next red or late order</translation>
    </message>
    <message>
        <source>Pre&amp;vious red or late order</source>
        <translation>Pre&amp;vious red or late order</translation>
    </message>
    <message>
        <source>&amp;Copy order numbers</source>
        <translation>&amp;Copy order numbers</translation>
    </message>
    <message>
        <source>Copy &amp;rows</source>
        <translation>Copy &amp;rows</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>assignment</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>pause</translation>
    </message>
    <message>
        <source>resumption</source>
        <translation>resumption</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>priority</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo %1 (%n order(s))</source>
        <translation>
            <numerusform>&amp;Undo %1 (%n order)</numerusform>
            <numerusform>&amp;Undo %1 (%n orders)</numerusform>
        </translation>
    </message>
    <message>
        <source>Some orders were not changed</source>
        <translation>Some orders were not changed</translation>
    </message>
    <message>
        <source>%1 changed, %2 not changed:</source>
        <translation>%1 changed, %2 not changed:</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>Nothing was changed</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>The change could not be saved: %1</translation>
    </message>
    <message>
        <source>Work-order queue (the %1 most urgent; loading the rest…)</source>
        <translation>Work-order queue (the %1 most urgent; loading the rest…)</translation>
    </message>
    <message>
        <source>Work-order queue (%1 open)</source>
        <translation>Work-order queue (%1 open)</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 shown</translation>
    </message>
</context>
<context>
    <name>RaiseExceptionDialog</name>
    <message>
        <source>Raise a field exception</source>
        <translation>Raise a field exception</translation>
    </message>
    <message>
        <source>What the technician found, e.g. port 3-12 taken by another line; box replaced by the customer</source>
        <translation>What the technician found, e.g. port 3-12 taken by another line; box replaced by the customer</translation>
    </message>
    <message>
        <source>Nobody yet (dispatch later)</source>
        <translation>Nobody yet (dispatch later)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Dispatch to</source>
        <translation>Dispatch to</translation>
    </message>
    <message>
        <source>Say what the technician found in the note.</source>
        <translation>Say what the technician found in the note.</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>The note is longer than %1 characters.</translation>
    </message>
</context>
<context>
    <name>ReasonListsTab</name>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Add a sub-reason</source>
        <translation>Add a sub-reason</translation>
    </message>
    <message>
        <source>Remove the sub-reason</source>
        <translation>Remove the sub-reason</translation>
    </message>
    <message>
        <source>The reasons each dialog offers, in this order. A reason switched off is no longer offered (orders that have it keep it). A sub-reason is offered under its reason: the order records the reason, and the sub-reason&apos;s Chinese words at the head of its note. Empty words: the console&apos;s own name of the reason.</source>
        <translation>The reasons each dialog offers, in this order. A reason switched off is no longer offered (orders that have it keep it). A sub-reason is offered under its reason: the order records the reason, and the sub-reason&apos;s Chinese words at the head of its note. Empty words: the console&apos;s own name of the reason.</translation>
    </message>
    <message>
        <source>List:</source>
        <translation>List:</translation>
    </message>
    <message>
        <source>A sub-reason of “%1”</source>
        <translation>A sub-reason of “%1”</translation>
    </message>
</context>
<context>
    <name>RemedyDialog</name>
    <message>
        <source>Remedy for %1</source>
        <translation>Remedy for %1</translation>
    </message>
    <message>
        <source>What will be done, by whom and by when</source>
        <translation>What will be done, by whom and by when</translation>
    </message>
    <message>
        <source>Customer&apos;s words</source>
        <translation>Customer&apos;s words</translation>
    </message>
    <message>
        <source>Remedy (整改)</source>
        <translation>Remedy (整改)</translation>
    </message>
    <message>
        <source>Write the remedy.</source>
        <translation>Write the remedy.</translation>
    </message>
</context>
<context>
    <name>ReportReminder</name>
    <message>
        <source>Monthly report %1 overdue (due %2)</source>
        <translation>Monthly report %1 overdue (due %2)</translation>
    </message>
    <message>
        <source>Monthly report %1 due by %2</source>
        <translation>Monthly report %1 due by %2</translation>
    </message>
    <message>
        <source>Not yet marked sent: %1. Click to make and send it.</source>
        <translation>Not yet marked sent: %1. Click to make and send it.</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule the appointment</source>
        <translation>Reschedule the appointment</translation>
    </message>
    <message>
        <source>What the customer said, what is missing…</source>
        <translation>What the customer said, what is missing…</translation>
    </message>
    <message>
        <source>Pause the SLA clock (customer postponed)</source>
        <translation>Pause the SLA clock (customer postponed)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <source>Customer reached by:</source>
        <translation>Customer reached by:</translation>
    </message>
    <message>
        <source>Choose the reason for the reschedule from the list.</source>
        <translation>Choose the reason for the reschedule from the list.</translation>
    </message>
    <message>
        <source>Say what the other reason is.</source>
        <translation>Say what the other reason is.</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>Pause the SLA clock</source>
        <translation>Pause the SLA clock</translation>
    </message>
    <message>
        <source>Reschedule a visit</source>
        <translation>Reschedule a visit</translation>
    </message>
    <message>
        <source>Cancel an order</source>
        <translation>Cancel an order</translation>
    </message>
    <message>
        <source>Field exception</source>
        <translation>Field exception</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Words in Chinese</source>
        <translation>Words in Chinese</translation>
    </message>
    <message>
        <source>Words in English</source>
        <translation>Words in English</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Offered</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>SLA limits</source>
        <translation>SLA limits</translation>
    </message>
    <message>
        <source>Bands and pauses</source>
        <translation>Bands and pauses</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Business hours</translation>
    </message>
    <message>
        <source>Reason lists</source>
        <translation>Reason lists</translation>
    </message>
    <message>
        <source>Audit rules</source>
        <translation>Audit rules</translation>
    </message>
    <message>
        <source>Why the rules change (the notice or agreement they follow): kept in the audit log</source>
        <translation>Why the rules change (the notice or agreement they follow): kept in the audit log</translation>
    </message>
    <message>
        <source>Apply the changes on this tab</source>
        <translation>Apply the changes on this tab</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>You may read the rules. Only a shift supervisor or an administrator may change them.</source>
        <translation>You may read the rules. Only a shift supervisor or an administrator may change them.</translation>
    </message>
    <message>
        <source>The rules could not be read: %1</source>
        <translation>The rules could not be read: %1</translation>
    </message>
    <message>
        <source>Nothing on this tab has changed.</source>
        <translation>Nothing on this tab has changed.</translation>
    </message>
    <message>
        <source>Say why the rules change: the reason goes into the audit log with the change.</source>
        <translation>Say why the rules change: the reason goes into the audit log with the change.</translation>
    </message>
    <message>
        <source>Saved. Deadlines are recomputed in the background when a change moves them.</source>
        <translation>Saved. Deadlines are recomputed in the background when a change moves them.</translation>
    </message>
    <message>
        <source>Saving: %1…</source>
        <translation>Saving: %1…</translation>
    </message>
    <message>
        <source>Not saved: %1: %2</source>
        <translation>Not saved: %1: %2</translation>
    </message>
    <message>
        <source>Amber from (share of the limit used)</source>
        <translation>Amber from (share of the limit used)</translation>
    </message>
    <message>
        <source>Red from (share of the limit used)</source>
        <translation>Red from (share of the limit used)</translation>
    </message>
    <message>
        <source>A pause longer than this needs a supervisor&apos;s approval (hours)</source>
        <translation>A pause longer than this needs a supervisor&apos;s approval (hours)</translation>
    </message>
    <message>
        <source>A red or late order nobody acknowledges is escalated to the supervisors after (minutes)</source>
        <translation>A red or late order nobody acknowledges is escalated to the supervisors after (minutes)</translation>
    </message>
    <message>
        <source>Business hours start (HH:MM)</source>
        <translation>Business hours start (HH:MM)</translation>
    </message>
    <message>
        <source>Business hours end (HH:MM)</source>
        <translation>Business hours end (HH:MM)</translation>
    </message>
    <message>
        <source>Minutes a check-in may come after the window and still be on time</source>
        <translation>Minutes a check-in may come after the window and still be on time</translation>
    </message>
    <message>
        <source>A check-in farther than this from the site is off site (metres)</source>
        <translation>A check-in farther than this from the site is off site (metres)</translation>
    </message>
    <message>
        <source>An order turns amber, then red, when it has used this share of its limit. A change recomputes every open order&apos;s deadlines in the background.</source>
        <translation>An order turns amber, then red, when it has used this share of its limit. A change recomputes every open order&apos;s deadlines in the background.</translation>
    </message>
    <message>
        <source>The working day that limits in working days are counted in. A change recomputes the open orders counted in business time in the background.</source>
        <translation>The working day that limits in working days are counted in. A change recomputes the open orders counted in business time in the background.</translation>
    </message>
    <message>
        <source>Which steps the compliance audit checks on each closed order, and its tolerances. Audits read these when they run; no deadline moves.</source>
        <translation>Which steps the compliance audit checks on each closed order, and its tolerances. Audits read these when they run; no deadline moves.</translation>
    </message>
    <message>
        <source>Check: %1</source>
        <translation>Check: %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Double-click an amount to change it. A change recomputes the deadlines of that kind&apos;s open orders in the background.</source>
        <translation>Double-click an amount to change it. A change recomputes the deadlines of that kind&apos;s open orders in the background.</translation>
    </message>
</context>
<context>
    <name>SatisfactionSection</name>
    <message>
        <source>Very satisfied (非常满意率) by month</source>
        <translation>Very satisfied (非常满意率) by month</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>No rating</source>
        <translation>No rating</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>Called back</translation>
    </message>
    <message>
        <source>Callback closed</source>
        <translation>Callback closed</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Answered by</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message>
        <source>Show in the queue</source>
        <translation>Show in the queue</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n dissatisfied answer(s)&lt;/b&gt; in the period</source>
        <translation>
            <numerusform>&lt;b&gt;%n dissatisfied answer&lt;/b&gt; in the period</numerusform>
            <numerusform>&lt;b&gt;%n dissatisfied answers&lt;/b&gt; in the period</numerusform>
        </translation>
    </message>
    <message>
        <source>Survey answers of %1</source>
        <translation>Survey answers of %1</translation>
    </message>
</context>
<context>
    <name>ScheduleBoard</name>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 days</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Find technicians: name, team, skill</source>
        <translation>Find technicians: name, team, skill</translation>
    </message>
    <message>
        <source>Shows only the technicians whose name, team, region or skills hold every word typed</source>
        <translation>Shows only the technicians whose name, team, region or skills hold every word typed</translation>
    </message>
    <message>
        <source>No technician matches</source>
        <translation>No technician matches</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Fits: skills, shift, window, travel and SLA</source>
        <translation>Fits: skills, shift, window, travel and SLA</translation>
    </message>
    <message>
        <source>proposed, not yet confirmed</source>
        <translation>proposed, not yet confirmed</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>pinned</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>empty: this desk works on its own data file</source>
        <translation>empty: this desk works on its own data file</translation>
    </message>
    <message>
        <source>empty: the certificates this computer trusts</source>
        <translation>empty: the certificates this computer trusts</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>Type part of a name to find a zone, e.g. Shanghai or Urumqi.</source>
        <translation>Type part of a name to find a zone, e.g. Shanghai or Urumqi.</translation>
    </message>
    <message>
        <source>empty: the tile URL above, or district outlines only</source>
        <translation>empty: the tile URL above, or district outlines only</translation>
    </message>
    <message>
        <source>Data file</source>
        <translation>Data file</translation>
    </message>
    <message>
        <source>Central service URL</source>
        <translation>Central service URL</translation>
    </message>
    <message>
        <source>Centre&apos;s CA certificates (PEM)</source>
        <translation>Centre&apos;s CA certificates (PEM)</translation>
    </message>
    <message>
        <source>Desk user</source>
        <translation>Desk user</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Desk time zone</source>
        <translation>Desk time zone</translation>
    </message>
    <message>
        <source>Map tile URL</source>
        <translation>Map tile URL</translation>
    </message>
    <message>
        <source>Map attribution</source>
        <translation>Map attribution</translation>
    </message>
    <message>
        <source>Basemap file (MBTiles, PMTiles)</source>
        <translation>Basemap file (MBTiles, PMTiles)</translation>
    </message>
    <message>
        <source>A new language applies at once; changes to the data file, user, time zone or map take effect at the next start.</source>
        <translation>A new language applies at once; changes to the data file, user, time zone or map take effect at the next start.</translation>
    </message>
    <message>
        <source>not a time zone</source>
        <translation>not a time zone</translation>
    </message>
    <message>
        <source>Dispatch Console data (*.sqlite)</source>
        <translation>Dispatch Console data (*.sqlite)</translation>
    </message>
    <message>
        <source>Basemap file</source>
        <translation>Basemap file</translation>
    </message>
    <message>
        <source>Basemap files (*.mbtiles *.pmtiles)</source>
        <translation>Basemap files (*.mbtiles *.pmtiles)</translation>
    </message>
    <message>
        <source>These settings cannot be used: %1</source>
        <translation>These settings cannot be used: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Work-order queue</source>
        <translation>Work-order queue</translation>
    </message>
    <message>
        <source>Open the selected order&apos;s details</source>
        <translation>Open the selected order&apos;s details</translation>
    </message>
    <message>
        <source>Move between orders; Shift to select several</source>
        <translation>Move between orders; Shift to select several</translation>
    </message>
    <message>
        <source>Up / Down, Page Up / Page Down</source>
        <translation>Up / Down, Page Up / Page Down</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Sign off a check-in</source>
        <translation>Sign off a check-in</translation>
    </message>
    <message>
        <source>%1 m from the site</source>
        <translation>%1 m from the site</translation>
    </message>
    <message>
        <source>%1, %2 (%3): %4</source>
        <translation>%1, %2 (%3): %4</translation>
    </message>
    <message>
        <source>What you checked, e.g. called the customer: the technician was on site, the GPS drifted</source>
        <translation>What you checked, e.g. called the customer: the technician was on site, the GPS drifted</translation>
    </message>
    <message>
        <source>Say what you checked in the note.</source>
        <translation>Say what you checked in the note.</translation>
    </message>
    <message>
        <source>The note is longer than %1 characters.</source>
        <translation>The note is longer than %1 characters.</translation>
    </message>
</context>
<context>
    <name>Sla</name>
    <message>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>Amber</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Breached</translation>
    </message>
    <message>
        <source>%1d %2</source>
        <translation>%1d %2</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>overdue %1</translation>
    </message>
    <message>
        <source>%1 wd %2</source>
        <translation>%1 wd %2</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>ddd d MMM yyyy</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>%1 %2 limit for %3: %4 %5</source>
        <translation>%1 %2 limit for %3: %4 %5</translation>
    </message>
    <message>
        <source>%1 access points, more than %2: %3 x %1/%2 = %4 -&gt; %5 %6 (rounded up to the next half day)</source>
        <translation>%1 access points, more than %2: %3 x %1/%2 = %4 -&gt; %5 %6 (rounded up to the next half day)</translation>
    </message>
    <message>
        <source>%1 working days = %2 business hours (%3 hours a working day)</source>
        <translation>%1 working days = %2 business hours (%3 hours a working day)</translation>
    </message>
    <message>
        <source>Counted on the clock, 24 hours a day, 7 days a week</source>
        <translation>Counted on the clock, 24 hours a day, 7 days a week</translation>
    </message>
    <message>
        <source>Clock started %1</source>
        <translation>Clock started %1</translation>
    </message>
    <message>
        <source>%1: public holiday, not counted</source>
        <translation>%1: public holiday, not counted</translation>
    </message>
    <message>
        <source>%1 (%2): make-up working day, counted</source>
        <translation>%1 (%2): make-up working day, counted</translation>
    </message>
    <message>
        <source>Paused %1 h, added back</source>
        <translation>Paused %1 h, added back</translation>
    </message>
    <message>
        <source>Paused %1 h beyond the approval limit without a supervisor&apos;s approval: counted</source>
        <translation>Paused %1 h beyond the approval limit without a supervisor&apos;s approval: counted</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>The official %1 holiday schedule is not known yet: this deadline is provisional until it is imported</source>
        <translation>The official %1 holiday schedule is not known yet: this deadline is provisional until it is imported</translation>
    </message>
</context>
<context>
    <name>SlaSection</name>
    <message>
        <source>Open orders by SLA band</source>
        <translation>Open orders by SLA band</translation>
    </message>
    <message>
        <source>Breached by kind</source>
        <translation>Breached by kind</translation>
    </message>
    <message>
        <source>Breached by customer level</source>
        <translation>Breached by customer level</translation>
    </message>
    <message>
        <source>Breached by stage</source>
        <translation>Breached by stage</translation>
    </message>
    <message>
        <source>Breached by district</source>
        <translation>Breached by district</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>breaches within the hour</source>
        <translation>breaches within the hour</translation>
    </message>
    <message>
        <source>Show in the queue</source>
        <translation>Show in the queue</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n order(s)&lt;/b&gt; will breach in the next hour if nothing is done</source>
        <translation>
            <numerusform>&lt;b&gt;%n order&lt;/b&gt; will breach in the next hour if nothing is done</numerusform>
            <numerusform>&lt;b&gt;%n orders&lt;/b&gt; will breach in the next hour if nothing is done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageSection</name>
    <message>
        <source>in time</source>
        <translation>in time</translation>
    </message>
    <message>
        <source>late by %1</source>
        <translation>late by %1</translation>
    </message>
    <message>
        <source>done %1, %2</source>
        <translation>done %1, %2</translation>
    </message>
    <message>
        <source>%1 left · %2</source>
        <translation>%1 left · %2</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stages</translation>
    </message>
    <message>
        <source>How each stage&apos;s deadline is computed</source>
        <translation>How each stage&apos;s deadline is computed</translation>
    </message>
    <message>
        <source>Provisioning steps</source>
        <translation>Provisioning steps</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Changes are saved in this desk&apos;s file first, then sent to the centre.</source>
        <translation>Changes are saved in this desk&apos;s file first, then sent to the centre.</translation>
    </message>
    <message>
        <source>Last in touch with the centre: %1</source>
        <translation>Last in touch with the centre: %1</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>Downloading the centre&apos;s data: %1%</source>
        <translation>Downloading the centre&apos;s data: %1%</translation>
    </message>
    <message numerus="yes">
        <source>Logged out of the centre: log in again (%n change(s) waiting)</source>
        <translation>
            <numerusform>Logged out of the centre: log in again (%n change waiting)</numerusform>
            <numerusform>Logged out of the centre: log in again (%n changes waiting)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline since %1, %n change(s) waiting</source>
        <translation>
            <numerusform>Offline since %1, %n change waiting</numerusform>
            <numerusform>Offline since %1, %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved locally, %n change(s) being sent</source>
        <translation>
            <numerusform>Saved locally, %n change being sent</numerusform>
            <numerusform>Saved locally, %n changes being sent</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>The centre&apos;s certificate is not trusted: check the CA bundle in the settings.</source>
        <translation>The centre&apos;s certificate is not trusted: check the CA bundle in the settings.</translation>
    </message>
    <message>
        <source>The centre does not answer. This desk keeps working and sends its changes when it is back.</source>
        <translation>The centre does not answer. This desk keeps working and sends its changes when it is back.</translation>
    </message>
    <message>
        <source>The download from the centre broke off; it starts again.</source>
        <translation>The download from the centre broke off; it starts again.</translation>
    </message>
    <message>
        <source>The centre has a problem; this desk tries again.</source>
        <translation>The centre has a problem; this desk tries again.</translation>
    </message>
    <message>
        <source>Too many attempts: wait a few minutes, then try again.</source>
        <translation>Too many attempts: wait a few minutes, then try again.</translation>
    </message>
    <message>
        <source>The centre asks you to log in again.</source>
        <translation>The centre asks you to log in again.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>This desk was away longer than the centre keeps its changes: it downloads the data again.</source>
        <translation>This desk was away longer than the centre keeps its changes: it downloads the data again.</translation>
    </message>
    <message>
        <source>The centre&apos;s data is newer than this version of Dispatch Console: update it.</source>
        <translation>The centre&apos;s data is newer than this version of Dispatch Console: update it.</translation>
    </message>
    <message>
        <source>Changes of this desk are still to be sent before the data can be downloaded again.</source>
        <translation>Changes of this desk are still to be sent before the data can be downloaded again.</translation>
    </message>
    <message>
        <source>The disk of this computer is full: the centre&apos;s changes wait until there is space again.</source>
        <translation>The disk of this computer is full: the centre&apos;s changes wait until there is space again.</translation>
    </message>
    <message>
        <source>The disk of this computer could not write the data file: this desk tries again.</source>
        <translation>The disk of this computer could not write the data file: this desk tries again.</translation>
    </message>
    <message>
        <source>The centre refused the request: %1</source>
        <translation>The centre refused the request: %1</translation>
    </message>
    <message>
        <source>Someone else changed it first: %1</source>
        <translation>Someone else changed it first: %1</translation>
    </message>
    <message>
        <source>The centre does not have this %1 (it may have been refused before).</source>
        <translation>The centre does not have this %1 (it may have been refused before).</translation>
    </message>
    <message>
        <source>The centre has this %1 already.</source>
        <translation>The centre has this %1 already.</translation>
    </message>
    <message>
        <source>The order is not in your region.</source>
        <translation>The order is not in your region.</translation>
    </message>
    <message>
        <source>Only a shift supervisor changes the SLA rules and the calendar.</source>
        <translation>Only a shift supervisor changes the SLA rules and the calendar.</translation>
    </message>
    <message>
        <source>A desk does not change %1.</source>
        <translation>A desk does not change %1.</translation>
    </message>
    <message>
        <source>The centre cannot use this change (%1).</source>
        <translation>The centre cannot use this change (%1).</translation>
    </message>
    <message>
        <source>The centre cannot store this change (%1).</source>
        <translation>The centre cannot store this change (%1).</translation>
    </message>
    <message>
        <source>Someone else changed it after you looked at it: look again.</source>
        <translation>Someone else changed it after you looked at it: look again.</translation>
    </message>
    <message>
        <source>The centre does not know this action: update Dispatch Console.</source>
        <translation>The centre does not know this action: update Dispatch Console.</translation>
    </message>
    <message>
        <source>The plan was made from visits or orders changed since: make it again.</source>
        <translation>The plan was made from visits or orders changed since: make it again.</translation>
    </message>
    <message>
        <source>Saved by an older Dispatch Console, before it sent actions: drop it and do it again.</source>
        <translation>Saved by an older Dispatch Console, before it sent actions: drop it and do it again.</translation>
    </message>
    <message>
        <source>work order</source>
        <translation>work order</translation>
    </message>
    <message>
        <source>clock pause</source>
        <translation>clock pause</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>appointment</translation>
    </message>
    <message>
        <source>appointment&apos;s order</source>
        <translation>appointment&apos;s order</translation>
    </message>
    <message>
        <source>appointment change</source>
        <translation>appointment change</translation>
    </message>
    <message>
        <source>order step</source>
        <translation>order step</translation>
    </message>
    <message>
        <source>field event</source>
        <translation>field event</translation>
    </message>
    <message>
        <source>audit entry</source>
        <translation>audit entry</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>shift</translation>
    </message>
    <message>
        <source>SLA rule</source>
        <translation>SLA rule</translation>
    </message>
    <message>
        <source>rule parameter</source>
        <translation>rule parameter</translation>
    </message>
    <message>
        <source>calendar day</source>
        <translation>calendar day</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>technician</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Clock paused since</source>
        <translation>Clock paused since</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Current step</translation>
    </message>
    <message>
        <source>Window start</source>
        <translation>Window start</translation>
    </message>
    <message>
        <source>Window end</source>
        <translation>Window end</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Pinned</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Pause ended</source>
        <translation>Pause ended</translation>
    </message>
    <message>
        <source>Pause approved by</source>
        <translation>Pause approved by</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>(change)</source>
        <translation>(change)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message numerus="yes">
        <source>%1 has this order open (%n min left)</source>
        <translation>
            <numerusform>%1 has this order open (%n min left)</numerusform>
            <numerusform>%1 has this order open (%n min left)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableExports</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation>Export “%1”</translation>
    </message>
    <message>
        <source>Exporting %1 rows to %2…</source>
        <translation>Exporting %1 rows to %2…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1 rows written to %2</translation>
    </message>
    <message>
        <source>“%1” is open in another program (Excel?). Close it there and export again, or choose another name. The file was not changed.</source>
        <translation>“%1” is open in another program (Excel?). Close it there and export again, or choose another name. The file was not changed.</translation>
    </message>
    <message>
        <source>Cannot write “%1”: the folder is missing or read-only, or the name is not allowed. Choose another folder or name. (%2)</source>
        <translation>Cannot write “%1”: the folder is missing or read-only, or the name is not allowed. Choose another folder or name. (%2)</translation>
    </message>
    <message>
        <source>The disk is full: “%1” was not written. Free some space or choose another disk.</source>
        <translation>The disk is full: “%1” was not written. Free some space or choose another disk.</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>The export was cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>“%1” was not written: %2</source>
        <translation>“%1” was not written: %2</translation>
    </message>
    <message>
        <source>Export to Excel or CSV…</source>
        <translation>Export to Excel or CSV…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>Work-order queue</source>
        <translation>Work-order queue</translation>
    </message>
    <message>
        <source>&amp;Export table…</source>
        <translation>&amp;Export table…</translation>
    </message>
    <message>
        <source>The table you are in, as shown (columns, filter, sort), to Excel or CSV</source>
        <translation>The table you are in, as shown (columns, filter, sort), to Excel or CSV</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <source>&amp;Print table…</source>
        <translation>&amp;Print table…</translation>
    </message>
    <message>
        <source>This table has %1 rows: about %2 pages. Print them all?</source>
        <translation>This table has %1 rows: about %2 pages. Print them all?</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Print preview: %1</source>
        <translation>Print preview: %1</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>Printed %1</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>TechnicianPickerDialog</name>
    <message>
        <source>Assign to a technician</source>
        <translation>Assign to a technician</translation>
    </message>
    <message>
        <source>Name, team or employee number</source>
        <translation>Name, team or employee number</translation>
    </message>
    <message>
        <source>Show other regions</source>
        <translation>Show other regions</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Technicians without a skill these orders need are shown in grey.</source>
        <translation>Technicians without a skill these orders need are shown in grey.</translation>
    </message>
    <message>
        <source>Choose a technician first.</source>
        <translation>Choose a technician first.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Turned amber</source>
        <translation>Turned amber</translation>
    </message>
    <message>
        <source>Turned red</source>
        <translation>Turned red</translation>
    </message>
    <message>
        <source>Time limit passed</source>
        <translation>Time limit passed</translation>
    </message>
    <message>
        <source>Response limit passed</source>
        <translation>Response limit passed</translation>
    </message>
    <message>
        <source>Department step reached</source>
        <translation>Department step reached</translation>
    </message>
    <message>
        <source>Department step done</source>
        <translation>Department step done</translation>
    </message>
    <message>
        <source>Billing started</source>
        <translation>Billing started</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Network investigation recorded</source>
        <translation>Network investigation recorded</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Returned to the order system</source>
        <translation>Returned to the order system</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>the customer</translation>
    </message>
    <message>
        <source>the account manager</source>
        <translation>the account manager</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>on site</translation>
    </message>
    <message>
        <source>through the text-message link</source>
        <translation>through the text-message link</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>The saved window layout could not be read; the default layout is used.</source>
        <translation>The saved window layout could not be read; the default layout is used.</translation>
    </message>
</context>
<context>
    <name>WorkOrderTable</name>
    <message>
        <source>Drag a column&apos;s title to move it; right-click to choose the columns shown.</source>
        <translation>Drag a column&apos;s title to move it; right-click to choose the columns shown.</translation>
    </message>
    <message>
        <source>(column %1)</source>
        <translation>(column %1)</translation>
    </message>
</context>
<context>
    <name>WorkOrderTableModel</name>
    <message>
        <source>Time to the deadline. A limit in working time (small calendar) counts working days (wd) of business hours and stops outside them; a limit in clock time (small clock) counts hours round the clock. Past the deadline: overdue.</source>
        <translation>Time to the deadline. A limit in working time (small calendar) counts working days (wd) of business hours and stops outside them; a limit in clock time (small clock) counts hours round the clock. Past the deadline: overdue.</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>business hours (working days, %1)</source>
        <translation>business hours (working days, %1)</translation>
    </message>
    <message>
        <source>clock time, 24x7</source>
        <translation>clock time, 24x7</translation>
    </message>
    <message>
        <source>Counted in %1</source>
        <translation>Counted in %1</translation>
    </message>
    <message>
        <source>Clock paused since %1</source>
        <translation>Clock paused since %1</translation>
    </message>
    <message>
        <source>The pause is past its approval limit: the clock runs until a supervisor approves it</source>
        <translation>The pause is past its approval limit: the clock runs until a supervisor approves it</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>%1 (paused)</source>
        <translation>%1 (paused)</translation>
    </message>
</context>
<context>
    <name>_WindowDialog</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Window starts:</source>
        <translation>Window starts:</translation>
    </message>
    <message>
        <source>Window length:</source>
        <translation>Window length:</translation>
    </message>
</context>
</TS>
