package tools

import (
	"net/http"
	"slices"
)

const listVoicesDoc = `List the platform's local text-to-speech voices (90+ across 35+ languages): ` +
	`ID, name, language and a description. Give language (e.g. nl, en or en-GB) to list only the voices ` +
	`of that language. ElevenLabs voices are not listed: pick those in the ElevenLabs voice library and ` +
	`put their ID in an assistant's tts_config.voice_id. Returns one page (default 50); pass ` +
	`next_offset as offset for more.`

var listVoices = operation{
	name: "list_voices", title: "List voices", toolset: VoicesSet,
	doc: listVoicesDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/voices",
	params: slices.Concat([]param{
		str("language", "Only voices of this language: a code such as nl, en, or en-GB for one region, "+
			"as the user wants their assistant to speak. Leave out for every voice.").
			matching(`^[A-Za-z]{2,3}([-_][A-Za-z]{2,4})?$`, "a language code like nl, en or en-GB").local(),
	}, pageParams(inTool, 50, 1000)),
	shape:  voicesInLanguage,
	output: listOutput("voices", voiceOut...),
}
