// First lead: the hospital scheduling system
// Generated from cases/first-lead.ron by benches/peer/gen_ink.py: do not edit.
// The case's branching, rules and scoring as an ink story (see the generator's
// docstring for what it models and what it leaves out).

VAR run_seed = 0  // set by the player before the first line
VAR next = -> dead_end  // where the current move leads
VAR ends = false        // ... and whether that is an ending
VAR total = 0.0   // the weighted score, set by the ending (-1: dead end)
VAR turn = 0
VAR week = 1
VAR spent = 0
VAR adjust = 0
VAR variant = -1
VAR insider = -1
VAR insider_points = 0
VAR diagnosed = -1
VAR rank = -1
VAR changed = false
VAR p_issue = 0
VAR p_insider = 0
VAR p_seq = 0
VAR p_rank = 0
VAR pain = 0
VAR power = 0
VAR vision = 0
VAR value = 0
VAR control = 0
VAR funnel = 0

// Facts, flags, chosen choices
VAR f_inspection_date = false
VAR c_call_lin = false
VAR c_send_price = false
VAR c_cold_call_xu = false
VAR c_walk_away = false
VAR c_ask_open = false
VAR c_ask_closed = false
VAR c_summarise_ask_intro = false
VAR c_leave_lin = false
VAR c_pitch_features = false
VAR c_bi_inspection = false
VAR c_bi_price = false
VAR c_present_inspection = false
VAR c_present_price = false
// Stakeholders: known, met, attitude (0 opponent .. 4 mentor), influence, backs
VAR p_nurse_lin_known = true
VAR p_nurse_lin_met = false
VAR p_nurse_lin_att = 2
VAR p_nurse_lin_infl = 3
VAR p_nurse_lin_backs = -1
VAR p_director_xu_known = false
VAR p_director_xu_met = false
VAR p_director_xu_att = 2
VAR p_director_xu_infl = 4
VAR p_director_xu_backs = -1
// Competitors: strength, out of the race
VAR k_bigsoft = 5
VAR k_bigsoft_out = false
// Burning issues: the real one(s)
VAR i_inspection_real = true
VAR i_price_real = false
// Events: week (fixed timing; -1 for chance), fired
VAR ev_bigsoft_demo_week = 3
VAR ev_bigsoft_demo_fired = false

CONST WEEKS = 4
CONST BUDGET = 6000

~ SEED_RANDOM(run_seed)
~ pick_variant()
-> s_board

=== s_board ===
Deal board
+ {not c_call_lin && money_left() >= 500} [Visit Lin Hua on the ward] -> ch_call_lin
+ {not c_send_price} [E mail her the price list] -> ch_send_price
+ {not c_cold_call_xu && money_left() >= 500 && p_director_xu_known} [Call the director of nursing directly] -> ch_cold_call_xu
+ {not c_walk_away} [Drop the lead] -> ch_walk_away
+ -> dead_end

=== s_meet_lin ===
On the ward with Lin Hua
+ {not c_ask_open} [Before prices — what makes scheduling hard here?] -> ch_ask_open
+ {not c_ask_closed && c_ask_open} [Is overtime something the hospital measures?] -> ch_ask_closed
+ {not c_summarise_ask_intro && f_inspection_date} [Sum up and ask her to bring you to Director Xu] -> ch_summarise_ask_intro
+ {not c_leave_lin} [Thank her and go back to the office] -> ch_leave_lin
+ {not c_pitch_features} [Show her the feature list] -> ch_pitch_features
+ -> dead_end

=== s_decide ===
Before you meet the director
+ {not c_bi_inspection} [Overtime before the spring inspection] -> ch_bi_inspection
+ {not c_bi_price} [A cheap price] -> ch_bi_price
+ -> dead_end

=== s_meet_xu ===
Director Xu's office
+ {not c_present_inspection && money_left() >= 1000 && (diagnosed == 0)} [Show how the system cuts night overtime before the inspection] -> ch_present_inspection
+ {not c_present_price && money_left() >= 1000} [Offer a discount] -> ch_present_price
+ -> dead_end

=== ch_call_lin ===
~ temp week_before = week
~ turn += 1
~ c_call_lin = true
~ week += 1
~ spent += 500
~ changed = false
~ p_nurse_lin_met = true
~ turn_on(p_nurse_lin_known)
~ p_seq += 30
~ changed = true
~ raise(funnel, 1)
~ next = -> s_meet_lin
~ ends = false
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_send_price ===
~ temp week_before = week
~ turn += 1
~ c_send_price = true
~ changed = false
~ p_seq += -20
~ changed = true
~ next = -> s_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_cold_call_xu ===
~ temp week_before = week
~ turn += 1
~ c_cold_call_xu = true
~ week += 1
~ spent += 500
~ changed = false
{ not p_director_xu_met && supported_p_director_xu() == false:
    ~ p_seq += -25
}
~ p_director_xu_met = true
~ turn_on(p_director_xu_known)
~ shift(p_nurse_lin_att, -1, 4)
~ next = -> s_decide
~ ends = false
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_walk_away ===
~ temp week_before = week
~ turn += 1
~ c_walk_away = true
~ changed = false
~ next = -> e_dropped
~ ends = true
{ ends:
    -> next
}
-> after(week_before)

=== ch_ask_open ===
~ temp week_before = week
~ turn += 1
~ c_ask_open = true
~ changed = false
~ raise(pain, 6)
~ shift(p_nurse_lin_att, 1, 4)
~ next = -> s_meet_lin
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_ask_closed ===
~ temp week_before = week
~ turn += 1
~ c_ask_closed = true
~ changed = false
~ turn_on(f_inspection_date)
~ turn_on(p_director_xu_known)
~ raise(pain, 10)
~ raise(power, 4)
~ next = -> s_meet_lin
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_summarise_ask_intro ===
~ temp week_before = week
~ turn += 1
~ c_summarise_ask_intro = true
~ changed = false
~ shift(p_nurse_lin_att, 1, 4)
~ raise(power, 9)
~ raise(control, 8)
~ raise(funnel, 2)
~ p_seq += 40
~ changed = true
~ next = -> s_decide
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_leave_lin ===
~ temp week_before = week
~ turn += 1
~ c_leave_lin = true
~ changed = false
~ next = -> s_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_pitch_features ===
~ temp week_before = week
~ turn += 1
~ c_pitch_features = true
~ changed = false
~ shift(p_nurse_lin_att, -1, 4)
~ raise(vision, 2)
~ next = -> s_meet_lin
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_bi_inspection ===
~ temp week_before = week
~ turn += 1
~ c_bi_inspection = true
~ changed = false
~ diagnose(0, i_inspection_real)
~ next = -> s_meet_xu
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_bi_price ===
~ temp week_before = week
~ turn += 1
~ c_bi_price = true
~ changed = false
~ diagnose(1, i_price_real)
~ next = -> s_meet_xu
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_present_inspection ===
~ temp week_before = week
~ turn += 1
~ c_present_inspection = true
~ week += 1
~ spent += 1000
~ changed = false
{ not p_director_xu_met && supported_p_director_xu() == false:
    ~ p_seq += -25
}
~ p_director_xu_met = true
~ turn_on(p_director_xu_known)
~ raise(pain, 20)
~ raise(vision, 20)
~ raise(power, 20)
~ raise(funnel, 6)
~ next = -> e_won
~ ends = true
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_present_price ===
~ temp week_before = week
~ turn += 1
~ c_present_price = true
~ week += 1
~ spent += 1000
~ changed = false
{ not p_director_xu_met && supported_p_director_xu() == false:
    ~ p_seq += -25
}
~ p_director_xu_met = true
~ turn_on(p_director_xu_known)
~ shift(k_bigsoft, 1, 10)
~ next = -> e_lost
~ ends = true
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== after(week_before) ===
{ week > WEEKS: -> e_quarter_closed }
{ not ev_bigsoft_demo_fired:
    { (ev_bigsoft_demo_week != -1 && ev_bigsoft_demo_week <= week) && true:
        ~ ev_bigsoft_demo_fired = true
        ~ shift(k_bigsoft, 2, 10)
    }
}
-> next

=== e_won ===
~ raise(funnel, 6)
~ total = final_score(100)
Contract signed
-> END

=== e_lost ===
~ total = final_score(10)
Lost on price
-> END

=== e_dropped ===
~ total = final_score(20)
Lead dropped
-> END

=== e_quarter_closed ===
~ total = final_score(0)
Quarter closed
-> END

=== dead_end ===
~ total = -1
-> END

=== function money_left() ===
~ return BUDGET - spent + adjust

=== function first_week(week_before) ===
// The first move also covers the starting week.
{ turn == 1: 
    ~ return week_before
}
~ return week_before + 1

=== function chance_any(lo, hi, percent) ===
// One roll per week in lo..hi.
{ lo > hi:
    ~ return false
}
{ RANDOM(1, 100) <= percent:
    ~ return true
}
~ return chance_any(lo + 1, hi, percent)

=== function turn_on(ref x) ===
{ not x:
    ~ x = true
    ~ changed = true
}

=== function raise(ref meter, n) ===
{ n > meter:
    ~ meter = n
    ~ changed = true
}

=== function shift(ref x, by, top) ===
~ temp new = MAX(0, MIN(top, x + by))
{ new != x:
    ~ x = new
    ~ changed = true
}

=== function diagnose(issue, real) ===
~ temp late = MAX(week - 3, 0)
{ real:
    ~ p_issue += 100 - late * 10
- else:
    ~ p_issue += -40
}
~ diagnosed = issue
~ changed = true

=== function choose_insider(who, influence, attitude, backs) ===
~ temp quality = 0
{ backs == -1:
    ~ quality = FLOOR(100.0 * influence / 5.0 * willingness(attitude) + 0.5)
}
~ p_insider += quality - insider_points
~ insider = who
~ insider_points = quality
~ changed = true

=== function willingness(attitude) ===
{ attitude:
- 0: ~ return 0.0
- 1: ~ return 0.1
- 2: ~ return 0.35
- 3: ~ return 0.8
- 4: ~ return 1.0
}
~ return 0.0

=== function clamp100(x) ===
~ return MAX(0, MIN(100, x))

=== function final_score(outcome) ===
~ temp cost = MAX(0.0, MIN(100.0, 100.0 * money_left() / 6000.0))
~ temp sum = 0.0
~ sum += 30.0 * clamp100(p_issue)
~ sum += 30.0 * clamp100(p_seq)
~ sum += 10.0 * (pain + power + vision + value + control)
~ sum += 25.0 * outcome
~ sum += 5.0 * cost
~ return FLOOR(sum / 100.0 * 10.0 + 0.5) / 10.0

=== function pick_variant() ===
~ temp r = RANDOM(0, 1)
{
- r < 1:
    ~ variant = 0
- r < 2:
    ~ variant = 1
    ~ p_nurse_lin_att = 1
}

=== function supported_p_director_xu() ===
~ return (p_nurse_lin_known && p_nurse_lin_att >= 3 && p_nurse_lin_infl >= 2 && p_nurse_lin_backs == -1)

