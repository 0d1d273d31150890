package policy

import (
	"slices"
	"strings"
)

// The built-in blocks. They are always on: an operator can add blocked
// patterns but cannot lift these. Both tables lean towards blocking too much,
// but an entry must never cover ordinary numbers, since nobody can unblock
// them. Each group's note is shown in refusals and says what its entries are.

// codeGroup is a set of emergency or short service codes with a note on
// where they are used.
type codeGroup struct {
	note  string
	codes []string
}

// emergencyCodes are the emergency and short service numbers refused as
// dialled ("112"), with a plus ("+112"), or behind a country code of one to
// three digits ("+1911", "+44999"). They are far shorter than any
// subscriber number, so matching them whole blocks nothing ordinary.
var emergencyCodes = []codeGroup{
	{"GSM and EU-wide emergency number, answered on mobile networks almost everywhere", []string{"112"}},
	{"North America and much of Latin America", []string{"911"}},
	{"UK, Ireland, Hong Kong, Singapore, Malaysia, Poland (ambulance) and others", []string{"999"}},
	{"Australia: emergency and the text relay for it", []string{"000", "106"}},
	{"New Zealand", []string{"111"}},
	{"Germany, Japan, China, Korea, Indonesia and others: police, fire, ambulance, coast guard",
		[]string{"110", "118", "119", "120", "122"}},
	{"Italy, Switzerland and Austria: police, fire, ambulance", []string{"113", "115", "117", "133", "144"}},
	{"India, Russia, Israel, Greece and others: police, fire, ambulance, gas",
		[]string{"100", "101", "102", "103", "104", "108"}},
	{"France: SAMU, police, fire, and the line for the deaf", []string{"15", "17", "18", "114"}},
	{"Czechia and Slovakia: fire, ambulance, police", []string{"150", "155", "158"}},
	{"Poland: police and fire", []string{"997", "998"}},
	{"Brazil: police, ambulance, fire", []string{"190", "192", "193"}},
	{"Spain: ambulance, Guardia Civil, fire, national and local police",
		[]string{"061", "062", "080", "085", "091", "092"}},
	{"South Africa: police and ambulance", []string{"10111", "10177"}},
	{"United States: 988 Suicide and Crisis Lifeline", []string{"988"}},
	{"EU-harmonised 116 services: missing children, victims, child helpline, on-call doctors, " +
		"emotional support", []string{"116000", "116006", "116111", "116117", "116123"}},
}

// rangeGroup is a set of costly number ranges, as E.164 prefixes, with a
// note on what they are.
type rangeGroup struct {
	note     string
	prefixes []string
}

// premiumRanges are premium-rate and other costly ranges. Within each
// country, the prefixes lie outside its geographic and mobile ranges.
var premiumRanges = []rangeGroup{
	// 976 was the pay-per-call exchange inside area codes; as an area code
	// it is unassigned, so blocking it costs nothing.
	{"US and Canada: 900 and 976 pay-per-call", []string{"+1900", "+1976"}},
	{"UK: 09 premium rate, 070 personal numbers, 0871-0873 revenue sharing",
		[]string{"+449", "+4470", "+44871", "+44872", "+44873"}},
	{"Germany: 0900 premium rate, 0137 mass calling, 0118 directory enquiries, 012 innovative services",
		[]string{"+49900", "+49137", "+49118", "+4912"}},
	{"Netherlands: 0900, 0906 and 0909 information and entertainment lines",
		[]string{"+31900", "+31906", "+31909"}},
	{"France: 089x premium rate", []string{"+3389"}},
	{"Belgium: 090x premium rate", []string{"+3290"}},
	{"Spain: 803, 806 and 807 premium rate, 905 mass calling, 118 directory enquiries",
		[]string{"+34803", "+34806", "+34807", "+34905", "+34118"}},
	{"Italy: 89x premium rate, 144 and 166 older premium rate", []string{"+3989", "+39144", "+39166"}},
	{"Austria: 0900, 0901, 0930, 0931 and 0939 value-added services",
		[]string{"+43900", "+43901", "+43930", "+43931", "+43939"}},
	{"Switzerland: 0900, 0901 and 0906 value-added services", []string{"+41900", "+41901", "+41906"}},
	{"Poland: 70x premium rate", []string{"+4870"}},
	{"Denmark: 90 premium rate", []string{"+4590"}},
	{"Norway: 820 and 829 premium rate", []string{"+47820", "+47829"}},
	{"Australia: 190x premium rate", []string{"+61190"}},
	{"International: 979 premium rate, 808 shared cost, 878 personal numbers, 870 Inmarsat, " +
		"881 satellite phones, 882 and 883 international networks",
		[]string{"+979", "+808", "+878", "+870", "+881", "+882", "+883"}},
}

// emergencyCode returns the emergency code that n, a number in the form of
// normalNumber, is: the code itself, with or without +, or the code behind a
// country code of one to three digits.
func emergencyCode(n string) (string, bool) {
	digits := strings.TrimPrefix(n, "+")
	if !allDigits(digits) {
		return "", false
	}
	for skip := 0; skip <= 3 && skip < len(digits); skip++ {
		if slices.Contains(allEmergencyCodes(), digits[skip:]) {
			return digits[skip:], true
		}
	}
	return "", false
}

// allEmergencyCodes lists every built-in emergency code.
func allEmergencyCodes() []string {
	var codes []string
	for _, g := range emergencyCodes {
		codes = append(codes, g.codes...)
	}
	return codes
}

// allPremiumPrefixes lists every built-in premium-rate prefix.
func allPremiumPrefixes() []string {
	var prefixes []string
	for _, g := range premiumRanges {
		prefixes = append(prefixes, g.prefixes...)
	}
	return prefixes
}

// premiumRange is one entry of premiumRanges.
type premiumRange struct {
	prefix, note string
}

// premiumRangeOf returns the entry of premiumRanges that n, an E.164
// number, falls in.
func premiumRangeOf(n string) (premiumRange, bool) {
	for _, g := range premiumRanges {
		if p, ok := matchPattern(n, g.prefixes); ok {
			return premiumRange{prefix: p, note: g.note}, true
		}
	}
	return premiumRange{}, false
}
