package sandbox

import "fmt"

// Conversations the simulated calls are made of.

// line is one scripted transcript line.
type line struct{ role, content string }

// liveScript is what a call placed while the sandbox runs says, one line
// per Timeline.Turn once answered: the assistant's first message, then a
// short appointment conversation.
func liveScript(first, business string) []line {
	if first == "" {
		first = "Hello, how can I help you today?"
	}
	if business == "" {
		business = "our practice"
	}
	return []line{
		{"assistant", first},
		{"user", "Hi, I'd like to move my appointment, please."},
		{"assistant", "Of course. Could you tell me your name and date of birth?"},
		{"user", "It's Zoë Müller-Lüdenscheidt, the fourth of March 1988."},
		{"assistant", "Thank you, Zoë. I see your appointment on Tuesday at 10:30. Which day suits you better?"},
		{"user", "Thursday afternoon, if that's possible."},
		{"assistant", "Thursday at 14:15 is free. Shall I book that for you?"},
		{"user", "Yes, please."},
		{"assistant", fmt.Sprintf("Done: Thursday at 14:15 at %s. You'll get a confirmation by text message.", business)},
		{"user", "Great, thanks a lot."},
		{"assistant", "You're welcome. Is there anything else I can do for you?"},
		{"user", "No, that's all. Bye!"},
	}
}

// scenario is a past conversation the seeded calls are drawn from.
type scenario struct {
	caller string // the caller's name, as said in the transcript
	topic  string // for the summary
	lines  []line
}

var scenarios = []scenario{
	{"Zoë Müller", "moving an appointment", []line{
		{"user", "Goedemorgen, met Zoë Müller. Ik wil mijn afspraak van donderdag verzetten."},
		{"assistant", "Goedemorgen Zoë. Naar welke dag wilt u de afspraak verplaatsen?"},
		{"user", "Volgende week maandag, liefst in de ochtend."},
		{"assistant", "Maandag om 09:15 is nog vrij. Zal ik die voor u vastleggen?"},
		{"user", "Ja graag, dank u wel."},
		{"assistant", "Geregeld. U ontvangt een bevestiging per sms. Fijne dag!"},
	}},
	{"François Dubois-Lefèvre", "an invoice question", []line{
		{"user", "Hello, this is François Dubois-Lefèvre. I have a question about my last invoice."},
		{"assistant", "Of course, François. What would you like to know about it?"},
		{"user", "The amount is €184.50, but my insurer said it should be lower."},
		{"assistant", "The invoice covers a check-up and a filling. I'll ask our billing team to review it and call you back."},
		{"user", "Thank you, that would be great."},
	}},
	{"Jürgen Weiß", "an emergency with a toothache", []line{
		{"user", "Guten Tag, hier ist Jürgen Weiß. Ich habe seit gestern starke Zahnschmerzen."},
		{"assistant", "Das tut mir leid, Herr Weiß. Haben Sie Fieber oder eine Schwellung?"},
		{"user", "Eine leichte Schwellung, ja."},
		{"assistant", "Dann sollten Sie heute noch kommen. Passt Ihnen 16:40 Uhr?"},
		{"user", "Ja, das passt. Vielen Dank!"},
		{"assistant", "Gern geschehen. Bis später, Herr Weiß."},
	}},
	{"Søren Ødegård", "opening hours", []line{
		{"user", "Hi, it's Søren Ødegård. Are you open on Saturday?"},
		{"assistant", "Hello Søren. On Saturdays we're open from 09:00 to 13:00."},
		{"user", "Perfect, thanks."},
	}},
	{"Małgorzata Wójcik", "a new patient registration", []line{
		{"user", "Dzień dobry, sorry, hello. My name is Małgorzata Wójcik and I'd like to register as a new patient."},
		{"assistant", "Welcome, Małgorzata. May I have your date of birth and your insurance company?"},
		{"user", "Seventeen June 1979, and I'm insured with Zilveren Kruis."},
		{"assistant", "Thank you. I've registered you; your first appointment can be on Wednesday at 11:00."},
		{"user", "Wednesday works. Dziękuję!"},
	}},
	{"Ana Lúcia Gonçalves", "cancelling an appointment", []line{
		{"user", "Hello, Ana Lúcia Gonçalves here. I need to cancel tomorrow's appointment."},
		{"assistant", "I've cancelled your appointment of tomorrow at 08:45. Would you like a new one?"},
		{"user", "Not yet, I'll call back next week."},
		{"assistant", "Alright. Get well soon, Ana!"},
	}},
}

// longParagraphs make up the seeded call with the very long transcript: a
// detailed treatment-plan conversation.
var longParagraphs = []line{
	{"user", "Before we continue, could you go over the treatment plan once more? I want to be sure I understand every step, including the costs, the number of visits, what my insurance covers and what I will have to pay myself, because last time I was surprised by the bill."},
	{"assistant", "Of course. The plan has three phases: first a thorough cleaning and two fillings in the lower left molars, then the root canal treatment of the upper right premolar, and finally a crown on that same tooth. Each phase takes one or two visits of about forty-five minutes each."},
	{"user", "And what does each phase cost? My supplementary insurance covers seventy-five percent of conservative care up to €500 a year, but I'm not sure whether the crown counts as conservative care or as prosthetics, which my policy treats differently."},
	{"assistant", "The cleaning and fillings come to about €212 and fall under conservative care. The root canal treatment is €387, also conservative. The crown is prosthetics: €645 including the lab costs from Zahntechnik Köhler in Düsseldorf, and your policy reimburses half of that."},
	{"user", "So if I spread it over two calendar years, I would stay under the €500 limit each year and get more back? Would that be medically acceptable, or is it risky to wait with the crown after the root canal treatment?"},
	{"assistant", "Waiting a few weeks is fine, but not months: a tooth after root canal treatment is brittle. We can place a sturdy temporary filling and schedule the crown in the first week of January. That way phase one and two fall in this year and the crown in the next."},
}

// longTranscript returns n lines of the long treatment-plan conversation,
// each numbered so that no two are the same.
func longTranscript(n int) []line {
	out := make([]line, n)
	for i := range out {
		p := longParagraphs[i%len(longParagraphs)]
		out[i] = line{p.role, fmt.Sprintf("[%d] %s", i+1, p.content)}
	}
	return out
}
