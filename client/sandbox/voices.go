package sandbox

// localVoices is what GET /voices lists: the platform's local voices, a
// sample of the documented 90+ (ElevenLabs voices are never listed).
var localVoices = []struct{ id, name, lang, en, nl string }{
	{"nl_NL-pim-medium", "Pim", "nl", "Pim (Dutch, male)", "Pim (Nederlands, man)"},
	{"nl_NL-ronnie-medium", "Ronnie", "nl", "Ronnie (Dutch, male)", "Ronnie (Nederlands, man)"},
	{"nl_NL-mls-medium", "Femke", "nl", "Femke (Dutch, female)", "Femke (Nederlands, vrouw)"},
	{"nl_BE-nathalie-medium", "Nathalie", "nl", "Nathalie (Flemish, female)", "Nathalie (Vlaams, vrouw)"},
	{"nl_BE-rdh-medium", "Rik", "nl", "Rik (Flemish, male)", "Rik (Vlaams, man)"},
	{"en_GB-alba-medium", "Alba", "en", "Alba (British English, female)", "Alba (Brits-Engels, vrouw)"},
	{"en_GB-northern_english_male-medium", "Northern English", "en", "Northern English (male)", "Noord-Engels (man)"},
	{"en_US-amy-medium", "Amy", "en", "Amy (American English, female)", "Amy (Amerikaans-Engels, vrouw)"},
	{"en_US-ryan-high", "Ryan", "en", "Ryan (American English, male)", "Ryan (Amerikaans-Engels, man)"},
	{"en_US-lessac-high", "Lessac", "en", "Lessac (American English, female)", "Lessac (Amerikaans-Engels, vrouw)"},
	{"de_DE-thorsten-high", "Thorsten", "de", "Thorsten (German, male)", "Thorsten (Duits, man)"},
	{"de_DE-eva_k-x_low", "Eva", "de", "Eva (German, female)", "Eva (Duits, vrouw)"},
	{"de_DE-kerstin-low", "Kerstin", "de", "Kerstin (German, female)", "Kerstin (Duits, vrouw)"},
	{"fr_FR-siwis-medium", "Siwis", "fr", "Siwis (French, female)", "Siwis (Frans, vrouw)"},
	{"fr_FR-gilles-low", "Gilles", "fr", "Gilles (French, male)", "Gilles (Frans, man)"},
	{"es_ES-davefx-medium", "Davefx", "es", "Davefx (Spanish, male)", "Davefx (Spaans, man)"},
	{"es_MX-claude-high", "Claude", "es", "Claude (Mexican Spanish, female)", "Claude (Mexicaans-Spaans, vrouw)"},
	{"it_IT-paola-medium", "Paola", "it", "Paola (Italian, female)", "Paola (Italiaans, vrouw)"},
	{"pl_PL-gosia-medium", "Gosia", "pl", "Gosia (Polish, female)", "Gosia (Pools, vrouw)"},
	{"sv_SE-nst-medium", "Nils", "sv", "Nils (Swedish, male)", "Nils (Zweeds, man)"},
	{"da_DK-talesyntese-medium", "Talesyntese", "da", "Talesyntese (Danish, male)", "Talesyntese (Deens, man)"},
	{"tr_TR-fettah-medium", "Fettah", "tr", "Fettah (Turkish, male)", "Fettah (Turks, man)"},
}

func (s *Server) listVoices(*req) (answer, *failure) {
	out := make([]map[string]any, 0, len(localVoices))
	for _, v := range localVoices {
		out = append(out, map[string]any{"id": v.id, "name": v.name, "language": v.lang,
			"description": map[string]any{"en": v.en, "nl": v.nl}})
	}
	return ok(wrap("voices", out)), nil
}
