// The Deal That Kept Growing: Haicheng Group Network
// Generated from cases/haicheng.ron by benches/peer/gen_ink.py: do not edit.
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
VAR f_f_he_intranet = false
VAR f_f_acquired = false
VAR f_f_rich = false
VAR f_f_six = false
VAR f_f_on_agenda = false
VAR f_f_fang_family = false
VAR f_f_he_sidelined = false
VAR f_f_group_project = false
VAR f_f_moved = false
VAR f_f_decision_hq = false
VAR f_f_hq_brushoff = false
VAR f_f_vp_agenda = false
VAR f_f_four_bidders = false
VAR f_f_office = false
VAR f_f_last_project = false
VAR f_f_team = false
VAR f_f_lead_wang = false
VAR f_f_lead_li = false
VAR f_f_zhanglei = false
VAR f_f_wang_story = false
VAR f_f_wang_stakes = false
VAR f_f_li_story = false
VAR f_f_li_defers = false
VAR f_f_ibm_ma = false
VAR f_f_ibm_zl = false
VAR f_f_hq_cool = false
VAR f_f_coop = false
VAR g_reception_raised = false
VAR g_fang_will_call = false
VAR g_diagnosed = false
VAR g_vp_missed = false
VAR g_tender_closed = false
VAR g_vp_came = false
VAR g_act3 = false
VAR g_junior_carries = false
VAR g_zl_ibm = false
VAR g_leaked = false
VAR g_attacked = false
VAR c_ts_open = false
VAR c_ts_pitch = false
VAR c_a1_call = false
VAR c_a1_fly = false
VAR c_a1_seminar = false
VAR c_a1_drop = false
VAR c_six_raise = false
VAR c_six_junket = false
VAR c_six_walk = false
VAR c_a2_call_hq = false
VAR c_a2_fang = false
VAR c_a2_he = false
VAR c_fang_open = false
VAR c_fang_closed = false
VAR c_fang_summary = false
VAR c_fang_leave = false
VAR c_bi_group = false
VAR c_bi_institute = false
VAR c_bi_fang = false
VAR c_bi_price = false
VAR c_a2_wait = false
VAR c_a2_invest = false
VAR c_a2_tender = false
VAR c_a2_drop = false
VAR c_cold_bid = false
VAR c_cold_withdraw = false
VAR c_liu_open = false
VAR c_liu_close = false
VAR c_a3_office = false
VAR c_a3_team = false
VAR c_a3_zhanglei = false
VAR c_a3_bid_now = false
VAR c_a3_insider = false
VAR c_a3_wang = false
VAR c_a3_li = false
VAR c_a3_hq = false
VAR c_a3_letter = false
VAR c_a3_withdraw = false
VAR c_wang_open = false
VAR c_wang_closed = false
VAR c_wang_summary = false
VAR c_wang_leave = false
VAR c_li_open = false
VAR c_li_offer = false
VAR c_li_leave = false
VAR c_ins_he = false
VAR c_ins_fang = false
VAR c_ins_liu = false
VAR c_ins_zl = false
VAR c_ins_ma = false
VAR c_ins_wang = false
VAR c_ins_li = false
VAR c_rank_first = false
VAR c_rank_backup = false
VAR c_rank_reference = false
VAR c_close_coop = false
VAR c_close_bid = false
VAR c_close_attack = false
VAR c_close_withdraw = false
// Stakeholders: known, met, attitude (0 opponent .. 4 mentor), influence, backs
VAR p_he_known = true
VAR p_he_met = false
VAR p_he_att = 3
VAR p_he_infl = 1
VAR p_he_backs = -1
VAR p_fang_known = false
VAR p_fang_met = false
VAR p_fang_att = 2
VAR p_fang_infl = 2
VAR p_fang_backs = -1
VAR p_liu_wei_known = false
VAR p_liu_wei_met = false
VAR p_liu_wei_att = 2
VAR p_liu_wei_infl = 5
VAR p_liu_wei_backs = -1
VAR p_zhang_long_known = false
VAR p_zhang_long_met = false
VAR p_zhang_long_att = 2
VAR p_zhang_long_infl = 2
VAR p_zhang_long_backs = -1
VAR p_ma_han_known = false
VAR p_ma_han_met = false
VAR p_ma_han_att = 2
VAR p_ma_han_infl = 2
VAR p_ma_han_backs = 0
VAR p_wang_chao_known = false
VAR p_wang_chao_met = false
VAR p_wang_chao_att = 2
VAR p_wang_chao_infl = 5
VAR p_wang_chao_backs = -1
VAR p_li_dong_known = false
VAR p_li_dong_met = false
VAR p_li_dong_att = 2
VAR p_li_dong_infl = 1
VAR p_li_dong_backs = -1
VAR p_qian_mu_known = false
VAR p_qian_mu_met = false
VAR p_qian_mu_att = 2
VAR p_qian_mu_infl = 1
VAR p_qian_mu_backs = -1
VAR p_liu_qiang_known = false
VAR p_liu_qiang_met = false
VAR p_liu_qiang_att = 2
VAR p_liu_qiang_infl = 1
VAR p_liu_qiang_backs = -1
// Competitors: strength, out of the race
VAR k_ibm = 7
VAR k_ibm_out = false
VAR k_gp_a = 6
VAR k_gp_a_out = false
VAR k_gp_b = 5
VAR k_gp_b_out = false
// Burning issues: the real one(s)
VAR i_bi_group_real = true
VAR i_bi_institute_real = false
VAR i_bi_fang_real = false
VAR i_bi_price_real = false
// Events: week (fixed timing; -1 for chance), fired
VAR ev_ev_group_report_week = -1
VAR ev_ev_group_report_fired = false
VAR ev_ev_vp_visit_week = 4
VAR ev_ev_vp_visit_fired = false
VAR ev_ev_vp_missed_week = 5
VAR ev_ev_vp_missed_fired = false
VAR ev_ev_tender_closes_week = 6
VAR ev_ev_tender_closes_fired = false
VAR ev_ev_ibm_dinner_week = 7
VAR ev_ev_ibm_dinner_fired = false
VAR ev_ev_gold_demo_week = 8
VAR ev_ev_gold_demo_fired = false
VAR ev_ev_gold_price_week = -1
VAR ev_ev_gold_price_fired = false

CONST WEEKS = 14
CONST BUDGET = 100000

~ SEED_RANDOM(run_seed)
~ pick_variant()
-> s_trade_show

=== s_trade_show ===
Qingdao telecom show
+ {not c_ts_open} [Ask open questions: what is the network for, who will use it, why now?] -> ch_ts_open
+ {not c_ts_pitch} [Walk him through Jingque's Cisco line up and promise a quote by Friday] -> ch_ts_pitch
+ -> dead_end

=== s_a1_board ===
Beijing office: is this lead worth anything?
+ {not c_a1_call && (not c_a1_fly)} [Have Xiaomei phone Director He: how is the institute organised, where] -> ch_a1_call
+ {not c_a1_fly && money_left() >= 8000 && (not c_a1_call)} [Fly Xiaomei to Dalian to visit the institute and see for herself] -> ch_a1_fly
+ {not c_a1_seminar && f_f_acquired} [Invite Haicheng to Cisco's senior technical seminar in Beijing, and as] -> ch_a1_seminar
+ {not c_a1_drop} [Too far and too small: let it go] -> ch_a1_drop
+ -> dead_end

=== s_q_six ===
Six invitations
+ {not c_six_raise && money_left() >= 6000} [The trip was approved, so the project is on their agenda, and someone] -> ch_six_raise
+ {not c_six_junket && money_left() >= 1500} [State staff love a free trip to Beijing. Xiaomei can look after them a] -> ch_six_junket
+ {not c_six_walk} [Six people for a small intranet? It's a junket, not a project. Walk aw] -> ch_six_walk
+ -> dead_end

=== s_a2_arrival ===
The delegation in Beijing
+ {not c_a2_call_hq} [Why bother with the delegation? Phone Haicheng Group's head office and] -> ch_a2_call_hq
+ {not c_a2_fang && money_left() >= 1500} [Get to know Manager Fang: invite him to a home style dinner near his f] -> ch_a2_fang
+ {not c_a2_he && money_left() >= 3000} [Spend the delegation's evenings with Director He: he brought you in, s] -> ch_a2_he
+ -> dead_end

=== s_m_fang ===
Dinner with Manager Fang
+ {not c_fang_open} [Open question: 'How did this project end up with Haicheng Tech?'] -> ch_fang_open
+ {not c_fang_closed && c_fang_open} [Closed question: 'So the decision is made at group headquarters, not a] -> ch_fang_closed
+ {not c_fang_summary && c_fang_closed} [Summary: play it back group project, stalled start, decision at HQ and] -> ch_fang_summary
+ {not c_fang_leave && c_fang_summary} [Thank him and see the delegation off] -> ch_fang_leave
+ -> dead_end

=== s_d_bi ===
What is the burning issue?
+ {not c_bi_group} [Liu Wei's: the group approved a network for all 34 subsidiaries as its] -> ch_bi_group
+ {not c_bi_institute} [Director He's: his institute needs its intranet] -> ch_bi_institute
+ {not c_bi_fang} [Fang's: he wants more reasons to be in Beijing, near his family] -> ch_bi_fang
+ {not c_bi_price} [The project office's: Haicheng Tech has to buy the cheapest network it] -> ch_bi_price
+ -> dead_end

=== s_a2_board ===
Holding pattern
+ [Keep in touch cheaply and work your other deals this week] -> ch_a2_wait
+ {not c_a2_invest && money_left() >= 20000 && (g_fang_will_call && (not g_vp_came))} [Get ahead while you wait: put Xiao Zhang and two engineers on a full g] -> ch_a2_invest
+ {not c_a2_tender && money_left() >= 500 && (g_vp_missed && (not g_tender_closed))} [Buy the tender documents and bid cold] -> ch_a2_tender
+ {not c_a2_drop} [Withdraw: this is too big and too far for Jingque] -> ch_a2_drop
+ -> dead_end

=== s_a3_cold ===
Bidding cold
+ {not c_cold_bid && money_left() >= 3000} [Put in the best bid you can and judge your chances] -> ch_cold_bid
+ {not c_cold_withdraw} [Decline politely and keep the money] -> ch_cold_withdraw
+ -> dead_end

=== s_m_liu ===
Liu Wei in Beijing
+ {not c_liu_open} [Ask what the group wants from IT, and where the network fits] -> ch_liu_open
+ {not c_liu_close && money_left() >= 3000 && c_liu_open} [Summarise what you heard and ask how Jingque can earn a place] -> ch_liu_close
+ -> dead_end

=== s_a3_board ===
Haicheng: the bid
+ {not c_a3_office && money_left() >= 4000} [Fly to Dalian: call on the project office, and ask how the group chose] -> ch_a3_office
+ {not c_a3_team && money_left() >= 1000 && c_a3_office} [Meet the technical team that will evaluate the bids] -> ch_a3_team
+ {not c_a3_zhanglei && money_left() >= 12000 && c_a3_team} [Bring Zhang Lei, Cisco China's senior technical director, to Haicheng] -> ch_a3_zhanglei
+ {not c_a3_bid_now && money_left() >= 2000 && (c_a3_team && (not c_a3_zhanglei) && (insider == -1))} [Save the cost: bid on Jingque's own name and see what happens] -> ch_a3_bid_now
+ {not c_a3_insider && c_a3_team} [Decide who you will make your insider] -> ch_a3_insider
+ {not c_a3_wang && money_left() >= 1500 && ((insider == 5) && c_a3_zhanglei)} [Take Wang Chao to dinner, and talk about him, not the project] -> ch_a3_wang
+ {not c_a3_li && money_left() >= 1000 && ((insider == 6) && c_a3_zhanglei)} [Take Li Dong aside and ask what he hopes this project does for him] -> ch_a3_li
+ {not c_a3_hq && money_left() >= 5000 && (c_a3_zhanglei && (insider != -1) && ((c_wang_leave || c_li_leave || ((not (insider == 5)) && (not (insider == 6))))))} [Ask your insider to get you a formal technical review at group HQ, wit] -> ch_a3_hq
+ {not c_a3_letter && c_a3_hq} [Write to Liu Wei: the goal, the situation, what is needed, and both si] -> ch_a3_letter
+ {not c_a3_withdraw && (not c_a3_office)} [Withdraw before spending anything in Dalian] -> ch_a3_withdraw
+ -> dead_end

=== s_m_wang ===
Dinner with Wang Chao
+ {not c_wang_open} ['I've met a lot of engineers. With your ability and background, how di] -> ch_wang_open
+ {not c_wang_closed && c_wang_open} ['If this network goes in well with you as its technical lead, that is] -> ch_wang_closed
+ {not c_wang_summary && c_wang_closed} ['This has nothing to do with the bid. Whatever happens, I'll help: peo] -> ch_wang_summary
+ {not c_wang_leave && c_wang_summary} [Settle the bill and head back] -> ch_wang_leave
+ -> dead_end

=== s_m_li ===
A word with Li Dong
+ {not c_li_open} [Open question: 'What do you hope this project does for you?'] -> ch_li_open
+ {not c_li_offer && f_f_li_story} [Offer him a seat on Cisco's certification course, with Zhang Lei as hi] -> ch_li_offer
+ {not c_li_leave && (c_li_open && ((c_li_offer || not f_f_li_story)))} [Pay and head back to the hotel] -> ch_li_leave
+ -> dead_end

=== s_d_insider ===
Who is your insider?
+ {not c_ins_he} [Director He: he found the project for us and he likes us] -> ch_ins_he
+ {not c_ins_fang && p_fang_known} [Manager Fang: he opened the door and tells us everything] -> ch_ins_fang
+ {not c_ins_liu && p_liu_wei_known} [Liu Wei: he decides, so go straight to the top] -> ch_ins_liu
+ {not c_ins_zl && p_zhang_long_known} [Zhang Long: he heads the project group] -> ch_ins_zl
+ {not c_ins_ma && p_ma_han_known} [Ma Han: the warmest welcome, and he runs the project office] -> ch_ins_ma
+ {not c_ins_wang && p_wang_chao_known} [Wang Chao: no title, but the best qualified engineer, and the one who] -> ch_ins_wang
+ {not c_ins_li && p_li_dong_known} [Li Dong: young, but he wrote the specification] -> ch_ins_li
+ -> dead_end

=== s_d_rank ===
Where do we rank?
+ {not c_rank_first} [First choice] -> ch_rank_first
+ {not c_rank_backup} [A backup] -> ch_rank_backup
+ {not c_rank_reference} [Only a reference bid] -> ch_rank_reference
+ -> dead_end

=== s_d_close ===
The last evening
+ {not c_close_coop && ((f_f_ibm_ma || f_f_ibm_zl))} [Meet IBM's representative tonight and agree a deal that pays both of y] -> ch_close_coop
+ {not c_close_bid} [Submit the bid and trust your position] -> ch_close_bid
+ {not c_close_attack} [Make sure of it: send the project office a dossier on IBM's failed pro] -> ch_close_attack
+ {not c_close_withdraw && (rank == 2)} [Withdraw the bid before the opening] -> ch_close_withdraw
+ -> dead_end

=== ch_ts_open ===
~ temp week_before = week
~ turn += 1
~ c_ts_open = true
~ changed = false
~ p_he_met = true
~ turn_on(p_he_known)
~ turn_on(f_f_he_intranet)
~ raise(pain, 2)
~ next = -> s_a1_board
~ ends = false
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_ts_pitch ===
~ temp week_before = week
~ turn += 1
~ c_ts_pitch = true
~ changed = false
~ p_he_met = true
~ turn_on(p_he_known)
~ turn_on(f_f_he_intranet)
~ p_issue += -15
~ changed = true
~ raise(vision, 2)
~ next = -> s_a1_board
~ ends = false
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_a1_call ===
~ temp week_before = week
~ turn += 1
~ c_a1_call = true
~ week += 1
~ changed = false
~ turn_on(f_f_acquired)
~ turn_on(f_f_rich)
~ raise(pain, 4)
~ raise(funnel, 1)
~ p_seq += 10
~ changed = true
~ next = -> s_a1_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a1_fly ===
~ temp week_before = week
~ turn += 1
~ c_a1_fly = true
~ week += 1
~ spent += 8000
~ changed = false
~ p_he_met = true
~ turn_on(p_he_known)
~ turn_on(f_f_acquired)
~ turn_on(f_f_rich)
~ raise(pain, 4)
~ p_seq += -15
~ changed = true
~ next = -> s_a1_board
~ ends = false
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_a1_seminar ===
~ temp week_before = week
~ turn += 1
~ c_a1_seminar = true
~ changed = false
~ turn_on(f_f_six)
~ next = -> s_q_six
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a1_drop ===
~ temp week_before = week
~ turn += 1
~ c_a1_drop = true
~ changed = false
~ next = -> e_withdrew
~ ends = true
{
- f_f_acquired:
    ~ changed = changed
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_six_raise ===
~ temp week_before = week
~ turn += 1
~ c_six_raise = true
~ week += 1
~ spent += 6000
~ changed = false
~ g_reception_raised = true
~ turn_on(f_f_on_agenda)
~ p_seq += 15
~ changed = true
~ next = -> s_a2_arrival
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_six_junket ===
~ temp week_before = week
~ turn += 1
~ c_six_junket = true
~ week += 1
~ spent += 1500
~ changed = false
~ p_seq += -10
~ changed = true
~ next = -> s_a2_arrival
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_six_walk ===
~ temp week_before = week
~ turn += 1
~ c_six_walk = true
~ changed = false
~ next = -> e_withdrew
~ ends = true
{ ends:
    -> next
}
-> after(week_before)

=== ch_a2_call_hq ===
~ temp week_before = week
~ turn += 1
~ c_a2_call_hq = true
~ changed = false
{ not p_liu_wei_met && supported_p_liu_wei() == false:
    ~ p_seq += -25
}
~ p_liu_wei_met = true
~ turn_on(p_liu_wei_known)
~ turn_on(f_f_hq_brushoff)
~ shift(p_fang_att, -1, 4)
~ p_seq += -10
~ changed = true
~ next = -> s_a2_arrival
~ ends = false
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_a2_fang ===
~ temp week_before = week
~ turn += 1
~ c_a2_fang = true
~ spent += 1500
~ changed = false
~ p_fang_met = true
~ turn_on(p_fang_known)
~ turn_on(f_f_fang_family)
~ next = -> s_m_fang
~ ends = false
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_a2_he ===
~ temp week_before = week
~ turn += 1
~ c_a2_he = true
~ week += 1
~ spent += 3000
~ changed = false
~ p_he_met = true
~ turn_on(p_he_known)
~ shift(p_he_att, 1, 4)
~ turn_on(f_f_he_sidelined)
~ p_seq += -10
~ changed = true
~ next = -> s_a2_board
~ ends = false
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_fang_open ===
~ temp week_before = week
~ turn += 1
~ c_fang_open = true
~ changed = false
~ turn_on(f_f_group_project)
~ turn_on(f_f_moved)
~ raise(pain, 6)
~ next = -> s_m_fang
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_fang_closed ===
~ temp week_before = week
~ turn += 1
~ c_fang_closed = true
~ changed = false
~ turn_on(f_f_decision_hq)
~ turn_on(p_liu_wei_known)
~ raise(power, 4)
~ raise(pain, 8)
~ next = -> s_m_fang
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_fang_summary ===
~ temp week_before = week
~ turn += 1
~ c_fang_summary = true
~ changed = false
~ next = -> s_m_fang
~ ends = false
{
- (g_reception_raised && c_a2_call_hq):
    ~ shift(p_fang_att, 1, 4)
    ~ g_fang_will_call = true
    ~ raise(pain, 10)
    ~ raise(power, 9)
    ~ raise(control, 4)
    ~ raise(funnel, 2)
- g_reception_raised:
    ~ shift(p_fang_att, 1, 4)
    ~ g_fang_will_call = true
    ~ raise(pain, 10)
    ~ raise(power, 9)
    ~ raise(control, 4)
    ~ raise(funnel, 2)
    ~ p_seq += 15
    ~ changed = true
- true:
    ~ raise(pain, 10)
    ~ raise(control, 4)
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_fang_leave ===
~ temp week_before = week
~ turn += 1
~ c_fang_leave = true
~ changed = false
~ next = -> s_d_bi
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_bi_group ===
~ temp week_before = week
~ turn += 1
~ c_bi_group = true
~ week += 1
~ changed = false
~ diagnose(0, i_bi_group_real)
~ g_diagnosed = true
~ next = -> s_a2_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_bi_institute ===
~ temp week_before = week
~ turn += 1
~ c_bi_institute = true
~ week += 1
~ changed = false
~ diagnose(1, i_bi_institute_real)
~ g_diagnosed = true
~ next = -> s_a2_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_bi_fang ===
~ temp week_before = week
~ turn += 1
~ c_bi_fang = true
~ week += 1
~ changed = false
~ diagnose(2, i_bi_fang_real)
~ g_diagnosed = true
~ next = -> s_a2_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_bi_price ===
~ temp week_before = week
~ turn += 1
~ c_bi_price = true
~ week += 1
~ changed = false
~ diagnose(3, i_bi_price_real)
~ g_diagnosed = true
~ next = -> s_a2_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a2_wait ===
~ temp week_before = week
~ turn += 1
~ c_a2_wait = true
~ week += 1
~ changed = false
~ next = -> s_a2_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a2_invest ===
~ temp week_before = week
~ turn += 1
~ c_a2_invest = true
~ week += 1
~ spent += 20000
~ changed = false
~ raise(vision, 2)
~ p_seq += -15
~ changed = true
~ next = -> s_a2_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a2_tender ===
~ temp week_before = week
~ turn += 1
~ c_a2_tender = true
~ spent += 500
~ changed = false
~ turn_on(f_f_four_bidders)
~ g_act3 = true
~ next = -> s_a3_cold
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a2_drop ===
~ temp week_before = week
~ turn += 1
~ c_a2_drop = true
~ changed = false
~ next = -> e_withdrew
~ ends = true
{
- g_tender_closed:
    ~ changed = changed
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_cold_bid ===
~ temp week_before = week
~ turn += 1
~ c_cold_bid = true
~ week += 1
~ spent += 3000
~ changed = false
~ next = -> s_d_rank
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_cold_withdraw ===
~ temp week_before = week
~ turn += 1
~ c_cold_withdraw = true
~ changed = false
~ next = -> e_withdrew
~ ends = true
{ ends:
    -> next
}
-> after(week_before)

=== ch_liu_open ===
~ temp week_before = week
~ turn += 1
~ c_liu_open = true
~ changed = false
{ not p_liu_wei_met && supported_p_liu_wei() == false:
    ~ p_seq += -25
}
~ p_liu_wei_met = true
~ turn_on(p_liu_wei_known)
~ turn_on(f_f_vp_agenda)
~ raise(pain, 16)
~ raise(power, 10)
~ raise(control, 10)
~ raise(funnel, 3)
~ p_seq += 15
~ changed = true
~ next = -> s_m_liu
~ ends = false
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_liu_close ===
~ temp week_before = week
~ turn += 1
~ c_liu_close = true
~ spent += 3000
~ changed = false
~ turn_on(f_f_four_bidders)
~ g_act3 = true
~ raise(pain, 18)
~ next = -> s_a3_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a3_office ===
~ temp week_before = week
~ turn += 1
~ c_a3_office = true
~ week += 1
~ spent += 4000
~ changed = false
~ p_zhang_long_met = true
~ turn_on(p_zhang_long_known)
~ p_ma_han_met = true
~ turn_on(p_ma_han_known)
~ turn_on(f_f_office)
~ turn_on(f_f_last_project)
~ raise(power, 8)
~ p_seq += 5
~ changed = true
~ next = -> s_a3_board
~ ends = false
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_a3_team ===
~ temp week_before = week
~ turn += 1
~ c_a3_team = true
~ week += 1
~ spent += 1000
~ changed = false
~ p_wang_chao_met = true
~ turn_on(p_wang_chao_known)
~ p_li_dong_met = true
~ turn_on(p_li_dong_known)
~ p_qian_mu_met = true
~ turn_on(p_qian_mu_known)
~ p_liu_qiang_met = true
~ turn_on(p_liu_qiang_known)
~ turn_on(f_f_team)
~ next = -> s_a3_board
~ ends = false
{
- g_junior_carries:
    ~ turn_on(f_f_lead_li)
- true:
    ~ turn_on(f_f_lead_wang)
}
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_a3_zhanglei ===
~ temp week_before = week
~ turn += 1
~ c_a3_zhanglei = true
~ week += 1
~ spent += 12000
~ changed = false
~ turn_on(k_gp_a_out)
~ turn_on(k_gp_b_out)
~ shift(p_wang_chao_att, 1, 4)
~ shift(p_li_dong_att, 1, 4)
~ shift(p_qian_mu_att, 1, 4)
~ shift(p_liu_qiang_att, 1, 4)
~ turn_on(f_f_zhanglei)
~ raise(vision, 4)
~ p_seq += 10
~ changed = true
~ next = -> s_a3_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a3_bid_now ===
~ temp week_before = week
~ turn += 1
~ c_a3_bid_now = true
~ week += 1
~ spent += 2000
~ changed = false
~ next = -> s_d_rank
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a3_insider ===
~ temp week_before = week
~ turn += 1
~ c_a3_insider = true
~ changed = false
~ next = -> s_d_insider
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a3_wang ===
~ temp week_before = week
~ turn += 1
~ c_a3_wang = true
~ spent += 1500
~ changed = false
~ next = -> s_m_wang
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a3_li ===
~ temp week_before = week
~ turn += 1
~ c_a3_li = true
~ spent += 1000
~ changed = false
~ next = -> s_m_li
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_a3_hq ===
~ temp week_before = week
~ turn += 1
~ c_a3_hq = true
~ week += 1
~ spent += 5000
~ changed = false
{ not p_liu_wei_met && supported_p_liu_wei() == false:
    ~ p_seq += -25
}
~ p_liu_wei_met = true
~ turn_on(p_liu_wei_known)
~ next = -> s_a3_board
~ ends = false
{
- (((((not g_junior_carries) && (insider == 5) && (p_wang_chao_att >= 4)) || (g_junior_carries && (insider == 6) && (p_li_dong_att >= 4)))) && (diagnosed == 0)):
    ~ shift(p_liu_wei_att, 1, 4)
    ~ raise(pain, 20)
    ~ raise(vision, 20)
    ~ raise(value, 18)
    ~ raise(power, 14)
    ~ raise(control, 14)
    ~ raise(funnel, 4)
    ~ p_seq += 15
    ~ changed = true
- ((((not g_junior_carries) && (insider == 5) && (p_wang_chao_att >= 4)) || (g_junior_carries && (insider == 6) && (p_li_dong_att >= 4)))):
    ~ shift(p_liu_wei_att, 1, 4)
    ~ raise(pain, 18)
    ~ raise(vision, 15)
    ~ raise(value, 14)
    ~ raise(power, 14)
    ~ raise(control, 14)
    ~ raise(funnel, 4)
    ~ p_seq += 10
    ~ changed = true
- true:
    ~ turn_on(f_f_hq_cool)
    ~ raise(pain, 16)
    ~ raise(vision, 10)
    ~ raise(control, 10)
}
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_a3_letter ===
~ temp week_before = week
~ turn += 1
~ c_a3_letter = true
~ changed = false
~ raise(control, 16)
~ p_seq += 10
~ changed = true
~ next = -> s_d_rank
~ ends = false
{
- (p_liu_wei_att >= 3):
    ~ raise(power, 16)
    ~ raise(funnel, 5)
- true:
    ~ changed = changed
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_a3_withdraw ===
~ temp week_before = week
~ turn += 1
~ c_a3_withdraw = true
~ changed = false
~ next = -> e_withdrew
~ ends = true
{ ends:
    -> next
}
-> after(week_before)

=== ch_wang_open ===
~ temp week_before = week
~ turn += 1
~ c_wang_open = true
~ changed = false
~ p_wang_chao_met = true
~ turn_on(p_wang_chao_known)
~ turn_on(f_f_wang_story)
~ next = -> s_m_wang
~ ends = false
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_wang_closed ===
~ temp week_before = week
~ turn += 1
~ c_wang_closed = true
~ changed = false
~ turn_on(f_f_wang_stakes)
~ raise(value, 2)
~ next = -> s_m_wang
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_wang_summary ===
~ temp week_before = week
~ turn += 1
~ c_wang_summary = true
~ changed = false
~ shift(p_wang_chao_att, 1, 4)
~ choose_insider(5, p_wang_chao_infl, p_wang_chao_att, p_wang_chao_backs)
~ raise(vision, 6)
~ raise(value, 3)
~ next = -> s_m_wang
~ ends = false
{
- ((not g_junior_carries) && (not g_zl_ibm)):
    ~ shift(p_li_dong_att, 1, 4)
    ~ shift(p_qian_mu_att, 1, 4)
    ~ shift(p_liu_qiang_att, 1, 4)
    ~ turn_on(f_f_ibm_ma)
    ~ p_seq += 10
    ~ changed = true
- (not g_junior_carries):
    ~ shift(p_li_dong_att, 1, 4)
    ~ shift(p_qian_mu_att, 1, 4)
    ~ shift(p_liu_qiang_att, 1, 4)
    ~ turn_on(f_f_ibm_zl)
    ~ p_seq += 10
    ~ changed = true
- (not g_zl_ibm):
    ~ turn_on(f_f_ibm_ma)
- true:
    ~ turn_on(f_f_ibm_zl)
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_wang_leave ===
~ temp week_before = week
~ turn += 1
~ c_wang_leave = true
~ week += 1
~ changed = false
~ next = -> s_a3_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_li_open ===
~ temp week_before = week
~ turn += 1
~ c_li_open = true
~ changed = false
~ p_li_dong_met = true
~ turn_on(p_li_dong_known)
~ next = -> s_m_li
~ ends = false
{
- g_junior_carries:
    ~ turn_on(f_f_li_story)
- (not g_zl_ibm):
    ~ turn_on(f_f_li_defers)
    ~ turn_on(f_f_ibm_ma)
- true:
    ~ turn_on(f_f_li_defers)
    ~ turn_on(f_f_ibm_zl)
}
{ not changed:
    ~ p_seq += -5
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_li_offer ===
~ temp week_before = week
~ turn += 1
~ c_li_offer = true
~ changed = false
~ shift(p_li_dong_att, 1, 4)
~ choose_insider(6, p_li_dong_infl, p_li_dong_att, p_li_dong_backs)
~ shift(p_qian_mu_att, 1, 4)
~ shift(p_liu_qiang_att, 1, 4)
~ raise(vision, 6)
~ raise(value, 3)
~ p_seq += 10
~ changed = true
~ next = -> s_m_li
~ ends = false
{
- (not g_zl_ibm):
    ~ turn_on(f_f_ibm_ma)
- true:
    ~ turn_on(f_f_ibm_zl)
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_li_leave ===
~ temp week_before = week
~ turn += 1
~ c_li_leave = true
~ week += 1
~ changed = false
~ next = -> s_a3_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_ins_he ===
~ temp week_before = week
~ turn += 1
~ c_ins_he = true
~ changed = false
~ choose_insider(0, p_he_infl, p_he_att, p_he_backs)
~ next = -> s_a3_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_ins_fang ===
~ temp week_before = week
~ turn += 1
~ c_ins_fang = true
~ changed = false
~ choose_insider(1, p_fang_infl, p_fang_att, p_fang_backs)
~ next = -> s_a3_board
~ ends = false
{
- (not g_zl_ibm):
    ~ turn_on(f_f_ibm_ma)
- true:
    ~ turn_on(f_f_ibm_zl)
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_ins_liu ===
~ temp week_before = week
~ turn += 1
~ c_ins_liu = true
~ changed = false
~ choose_insider(2, p_liu_wei_infl, p_liu_wei_att, p_liu_wei_backs)
~ p_insider += -15
~ changed = true
~ next = -> s_a3_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_ins_zl ===
~ temp week_before = week
~ turn += 1
~ c_ins_zl = true
~ changed = false
~ choose_insider(3, p_zhang_long_infl, p_zhang_long_att, p_zhang_long_backs)
~ next = -> s_a3_board
~ ends = false
{
- g_zl_ibm:
    ~ g_leaked = true
    ~ shift(k_ibm, 2, 10)
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_ins_ma ===
~ temp week_before = week
~ turn += 1
~ c_ins_ma = true
~ changed = false
~ choose_insider(4, p_ma_han_infl, p_ma_han_att, p_ma_han_backs)
~ next = -> s_a3_board
~ ends = false
{
- (not g_zl_ibm):
    ~ g_leaked = true
    ~ shift(k_ibm, 2, 10)
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_ins_wang ===
~ temp week_before = week
~ turn += 1
~ c_ins_wang = true
~ changed = false
~ choose_insider(5, p_wang_chao_infl, p_wang_chao_att, p_wang_chao_backs)
~ next = -> s_a3_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_ins_li ===
~ temp week_before = week
~ turn += 1
~ c_ins_li = true
~ changed = false
~ choose_insider(6, p_li_dong_infl, p_li_dong_att, p_li_dong_backs)
~ next = -> s_a3_board
~ ends = false
{ ends:
    -> next
}
-> after(week_before)

=== ch_rank_first ===
~ temp week_before = week
~ turn += 1
~ c_rank_first = true
~ changed = false
~ rank = 0
~ changed = true
~ next = -> s_d_close
~ ends = false
{
- (((((not g_junior_carries) && (insider == 5) && (p_wang_chao_att >= 4)) || (g_junior_carries && (insider == 6) && (p_li_dong_att >= 4)))) && (p_liu_wei_att >= 3) && k_gp_a_out && (not g_leaked)):
    ~ p_rank += 100
    ~ changed = true
- k_gp_a_out:
    ~ p_rank += 30
    ~ changed = true
- true:
    ~ p_rank += 0
    ~ changed = true
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_rank_backup ===
~ temp week_before = week
~ turn += 1
~ c_rank_backup = true
~ changed = false
~ rank = 1
~ changed = true
~ next = -> s_d_close
~ ends = false
{
- (((((not g_junior_carries) && (insider == 5) && (p_wang_chao_att >= 4)) || (g_junior_carries && (insider == 6) && (p_li_dong_att >= 4)))) && (p_liu_wei_att >= 3) && k_gp_a_out && (not g_leaked)):
    ~ p_rank += 30
    ~ changed = true
- k_gp_a_out:
    ~ p_rank += 100
    ~ changed = true
- true:
    ~ p_rank += 30
    ~ changed = true
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_rank_reference ===
~ temp week_before = week
~ turn += 1
~ c_rank_reference = true
~ changed = false
~ rank = 2
~ changed = true
~ next = -> s_d_close
~ ends = false
{
- (((((not g_junior_carries) && (insider == 5) && (p_wang_chao_att >= 4)) || (g_junior_carries && (insider == 6) && (p_li_dong_att >= 4)))) && (p_liu_wei_att >= 3) && k_gp_a_out && (not g_leaked)):
    ~ p_rank += 0
    ~ changed = true
- k_gp_a_out:
    ~ p_rank += 30
    ~ changed = true
- true:
    ~ p_rank += 100
    ~ changed = true
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_close_coop ===
~ temp week_before = week
~ turn += 1
~ c_close_coop = true
~ week += 1
~ changed = false
~ turn_on(f_f_coop)
~ next = -> s_d_close
~ ends = false
{
- (not k_gp_a_out):
    ~ next = -> e_lost_gold
    ~ ends = true
- (((((not g_junior_carries) && (insider == 5) && (p_wang_chao_att >= 4)) || (g_junior_carries && (insider == 6) && (p_li_dong_att >= 4)))) && (p_liu_wei_att >= 3) && (not g_leaked)):
    ~ raise(power, 20)
    ~ raise(value, 20)
    ~ raise(control, 20)
    ~ next = -> e_won
    ~ ends = true
- true:
    ~ next = -> e_won_coop
    ~ ends = true
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_close_bid ===
~ temp week_before = week
~ turn += 1
~ c_close_bid = true
~ week += 1
~ changed = false
~ next = -> s_d_close
~ ends = false
{
- (not k_gp_a_out):
    ~ next = -> e_lost_gold
    ~ ends = true
- (((((not g_junior_carries) && (insider == 5) && (p_wang_chao_att >= 4)) || (g_junior_carries && (insider == 6) && (p_li_dong_att >= 4)))) && (p_liu_wei_att >= 3) && (not g_leaked)) && RANDOM(1, 100) <= 50:
    ~ raise(power, 20)
    ~ raise(value, 20)
    ~ raise(control, 20)
    ~ next = -> e_won
    ~ ends = true
- true:
    ~ next = -> e_lost_ibm
    ~ ends = true
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_close_attack ===
~ temp week_before = week
~ turn += 1
~ c_close_attack = true
~ week += 1
~ changed = false
~ g_attacked = true
~ p_seq += -15
~ changed = true
~ next = -> s_d_close
~ ends = false
{
- (not k_gp_a_out):
    ~ next = -> e_lost_gold
    ~ ends = true
- true:
    ~ next = -> e_lost_ibm
    ~ ends = true
}
{ ends:
    -> next
}
-> after(week_before)

=== ch_close_withdraw ===
~ temp week_before = week
~ turn += 1
~ c_close_withdraw = true
~ changed = false
~ next = -> e_withdrew
~ ends = true
{ ends:
    -> next
}
-> after(week_before)

=== after(week_before) ===
{ week > WEEKS: -> e_timed_out }
{ not ev_ev_group_report_fired:
    { (chance_any(MAX(first_week(week_before), 2), MIN(week, 5), 40)) && true:
        ~ ev_ev_group_report_fired = true
    }
}
{ not ev_ev_vp_visit_fired:
    { (ev_ev_vp_visit_week != -1 && ev_ev_vp_visit_week <= week) && (g_fang_will_call && c_fang_leave && (not g_vp_missed)):
        ~ ev_ev_vp_visit_fired = true
        ~ g_vp_came = true
        ~ next = -> s_m_liu
    }
}
{ not ev_ev_vp_missed_fired:
    { (ev_ev_vp_missed_week != -1 && ev_ev_vp_missed_week <= week) && (not g_vp_came):
        ~ ev_ev_vp_missed_fired = true
        ~ g_vp_missed = true
        ~ shift(k_ibm, 1, 10)
    }
}
{ not ev_ev_tender_closes_fired:
    { (ev_ev_tender_closes_week != -1 && ev_ev_tender_closes_week <= week) && (not g_act3):
        ~ ev_ev_tender_closes_fired = true
        ~ g_tender_closed = true
    }
}
{ not ev_ev_ibm_dinner_fired:
    { (ev_ev_ibm_dinner_week != -1 && ev_ev_ibm_dinner_week <= week) && true:
        ~ ev_ev_ibm_dinner_fired = true
        ~ shift(k_ibm, 1, 10)
    }
}
{ not ev_ev_gold_demo_fired:
    { (ev_ev_gold_demo_week != -1 && ev_ev_gold_demo_week <= week) && (not k_gp_a_out):
        ~ ev_ev_gold_demo_fired = true
        ~ shift(k_gp_a, 1, 10)
    }
}
{ not ev_ev_gold_price_fired:
    { (chance_any(MAX(first_week(week_before), 7), MIN(week, 11), 35)) && (not k_gp_b_out):
        ~ ev_ev_gold_price_fired = true
        ~ shift(k_gp_b, 1, 10)
    }
}
-> next

=== e_won ===
~ raise(funnel, 6)
~ total = final_score(100)
Contract signed
-> END

=== e_won_coop ===
~ total = final_score(60)
IBM wins, Jingque builds it
-> END

=== e_lost_ibm ===
~ total = final_score(10)
Lost to IBM
-> END

=== e_lost_gold ===
~ total = final_score(5)
Lost to a Cisco gold partner
-> END

=== e_withdrew ===
~ total = final_score(20)
Withdrew
-> END

=== e_timed_out ===
~ total = final_score(0)
Out of time
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
~ temp late = MAX(week - 6, 0)
{ real:
    ~ p_issue += 100 - late * 5
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
~ temp cost = MAX(0.0, MIN(100.0, 100.0 * money_left() / 100000.0))
~ temp sum = 0.0
~ sum += 20.0 * clamp100(p_issue)
~ sum += 20.0 * clamp100(p_insider)
~ sum += 20.0 * clamp100(p_seq)
~ sum += 10.0 * clamp100(p_rank)
~ sum += 15.0 * (pain + power + vision + value + control)
~ sum += 15.0 * outcome
~ sum += 5.0 * cost
~ return FLOOR(sum / 105.0 * 10.0 + 0.5) / 10.0

=== function pick_variant() ===
~ temp r = RANDOM(0, 3)
{
- r < 1:
    ~ variant = 0
- r < 2:
    ~ variant = 1
    ~ p_ma_han_backs = -1
    ~ p_zhang_long_backs = 0
    ~ g_zl_ibm = true
    ~ ev_ev_vp_visit_week = 6
    ~ ev_ev_vp_missed_week = 7
    ~ ev_ev_tender_closes_week = 8
- r < 3:
    ~ variant = 2
    ~ p_wang_chao_infl = 2
    ~ p_li_dong_infl = 5
    ~ g_junior_carries = true
    ~ ev_ev_vp_visit_week = 5
    ~ ev_ev_vp_missed_week = 6
    ~ ev_ev_tender_closes_week = 7
- r < 4:
    ~ variant = 3
    ~ p_wang_chao_infl = 2
    ~ p_li_dong_infl = 5
    ~ p_ma_han_backs = -1
    ~ p_zhang_long_backs = 0
    ~ g_junior_carries = true
    ~ g_zl_ibm = true
}

=== function supported_p_liu_wei() ===
~ return (p_he_known && p_he_att >= 3 && p_he_infl >= 2 && p_he_backs == -1) || (p_fang_known && p_fang_att >= 3 && p_fang_infl >= 2 && p_fang_backs == -1) || (p_zhang_long_known && p_zhang_long_att >= 3 && p_zhang_long_infl >= 2 && p_zhang_long_backs == -1) || (p_ma_han_known && p_ma_han_att >= 3 && p_ma_han_infl >= 2 && p_ma_han_backs == -1) || (p_wang_chao_known && p_wang_chao_att >= 3 && p_wang_chao_infl >= 2 && p_wang_chao_backs == -1) || (p_li_dong_known && p_li_dong_att >= 3 && p_li_dong_infl >= 2 && p_li_dong_backs == -1) || (p_qian_mu_known && p_qian_mu_att >= 3 && p_qian_mu_infl >= 2 && p_qian_mu_backs == -1) || (p_liu_qiang_known && p_liu_qiang_att >= 3 && p_liu_qiang_infl >= 2 && p_liu_qiang_backs == -1)

