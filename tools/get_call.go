package tools

import (
	"encoding/json"
	"net/http"
	"unicode/utf8"
)

const getCallDoc = `Get one call: status, direction, numbers, assistant, times, duration, end reason, ` +
	`error, summary, analysis result, transcript length (message_count) and whether there is a ` +
	`recording. Use it to follow a live call's status. With include_transcript it also returns the ` +
	`transcript in pieces of up to transcript_limit messages (at most about 30,000 characters; a ` +
	`message over 8,000 characters is cut): while transcript.has_more is true, call again with ` +
	`transcript_offset set to transcript.next_offset. The recording's signed link comes only with ` +
	`include_recording_url. call_id comes from list_calls or place_outbound_call.`

// Bounds of one transcript piece: a message longer than maxMessageRunes is
// cut, and a piece stops before it passes maxTranscriptBytes.
const (
	maxMessageRunes    = 8000
	maxTranscriptBytes = 30_000
)

var getCall = operation{
	name: "get_call", title: "Get a call and its transcript", toolset: CallsSet,
	doc: getCallDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/calls/{id}",
	params: []param{
		callID,
		boolean("include_transcript", "Also return the transcript, in pieces; leave it out to check a "+
			"call's status.").byDefault(false).local(),
		integer("transcript_offset", "Transcript messages to skip: 0 first, then transcript.next_offset.").
			atLeast(0).byDefault(0).local(),
		integer("transcript_limit", "Most transcript messages in this piece.").between(1, 500).
			byDefault(50).local(),
		boolean("include_recording_url", "Also return the recording's link, which grants access to the "+
			"audio: only when the user asks for it.").local(),
	},
	shape:     callWithTranscript,
	output:    withUntrustedContent(callOutput()),
	untrusted: []string{"transcript.messages[].content", "call.summary", "call.analysis_result"},
	listedBy:  "list_calls",
}

// callWithTranscript shapes GET /calls/{id} (the call itself, no wrapper)
// into the call's details plus one piece of its transcript.
func callWithTranscript(body any, args map[string]any) (any, error) {
	call, ok := unwrap(body, "call").(map[string]any)
	if !ok {
		return nil, errNoObject("call")
	}
	messages, _ := call["messages"].([]any)
	offset := int(argInt(args, "transcript_offset", 0))
	limit := int(argInt(args, "transcript_limit", 50))
	details := callDetails(call)
	if args["include_recording_url"] != true {
		details = withoutRecordingURL(details)
	}
	if args["include_transcript"] != true {
		return map[string]any{"call": fitValue(prune(details))}, nil
	}
	// The piece is bounded by itself and never cut afterwards: a cut
	// there would hide messages that next_offset has already passed.
	return map[string]any{
		"call":       fitValueWithin(prune(details), maxShapedBytes-maxTranscriptBytes-1000),
		"transcript": transcriptPiece(messages, offset, limit),
	}, nil
}

// transcriptPiece returns messages[offset:] up to limit messages and
// maxTranscriptBytes of text, each numbered with its index. Overlong
// messages are cut on a character boundary and marked.
func transcriptPiece(messages []any, offset, limit int) map[string]any {
	piece := []any{}
	size, i := 0, min(offset, len(messages))
	for ; i < len(messages) && len(piece) < limit; i++ {
		m, _ := messages[i].(map[string]any)
		content := messageText(m["content"])
		if n := utf8.RuneCountInString(content); n > maxMessageRunes {
			content = truncateRunes(content, maxMessageRunes) + " … [message cut: it is longer than " +
				"this tool returns]"
		}
		message := prune(map[string]any{"index": i, "role": m["role"], "content": content})
		n := encodedSize(message) + 1 // the comma between messages
		if len(piece) > 0 && size+n > maxTranscriptBytes {
			break
		}
		size += n
		piece = append(piece, message)
	}
	out := map[string]any{"messages": piece, "total_messages": len(messages), "offset": offset,
		"has_more": i < len(messages)}
	if i < len(messages) {
		out["next_offset"] = i
	}
	return out
}

func callOutput() map[string]any {
	schema := objectOutput("call", callOut...)
	schema["properties"].(map[string]any)["transcript"] = map[string]any{
		"type": "object",
		"properties": map[string]any{
			"messages": map[string]any{"type": "array", "items": map[string]any{
				"type": "object",
				"properties": map[string]any{
					"index": map[string]any{"type": "integer"}, "role": map[string]any{"type": "string"},
					"content": map[string]any{"type": "string"},
				},
			}},
			"total_messages": map[string]any{"type": "integer"},
			"offset":         map[string]any{"type": "integer"},
			"has_more":       map[string]any{"type": "boolean"},
			"next_offset":    map[string]any{"type": "integer", "description": "Pass as transcript_offset."},
		},
	}
	return schema
}

// messageText is a transcript message's content as text: a string as it
// is, anything else (some providers send structured parts) as its JSON.
func messageText(content any) string {
	switch c := content.(type) {
	case string:
		return c
	case nil:
		return ""
	}
	b, _ := json.Marshal(content) // decoded JSON always encodes
	return string(b)
}
