package tools

import (
	"errors"
	"strings"
)

// voiceOperations are the voices toolset: the platform's local voices
// (reference section 8.9).
var voiceOperations = []operation{listVoices}

// voiceOut are the fields of a voice a result schema names.
var voiceOut = []field{{"id", "string"}, {"name", "string"}, {"language", "string"}, {"description", ""}}

// voicesInLanguage shapes GET /voices into one page of the voices that
// speak the language argument (all of them without one).
func voicesInLanguage(body any, args map[string]any) (any, error) {
	items, err := asList(body, "voices")
	if err != nil {
		return nil, err
	}
	lang, _ := args["language"].(string)
	if lang != "" {
		kept := make([]any, 0, len(items))
		for _, item := range items {
			if v, ok := item.(map[string]any); ok && voiceSpeaks(v, lang) {
				kept = append(kept, item)
			}
		}
		items = kept
	}
	out, err := many("voices", nil)(map[string]any{"voices": items}, args)
	if err != nil {
		return nil, errors.New("the answer has no voices list")
	}
	return out, nil
}

// voiceSpeaks reports whether voice v voiceSpeaks lang, a language code such as nl,
// en-GB or en_GB: its language field is lang or a region of it, or its ID
// starts with lang (IDs look like en_GB-alba-medium).
func voiceSpeaks(v map[string]any, lang string) bool {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "-", "_")) }
	want := norm(lang)
	have, _ := v["language"].(string)
	id, _ := v["id"].(string)
	have, id = norm(have), norm(id)
	return have == want || strings.HasPrefix(have, want+"_") || strings.HasPrefix(id, want+"_")
}
