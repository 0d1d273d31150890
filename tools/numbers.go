package tools

import "errors"

// numberOperations are the numbers toolset: phone numbers the user already
// owns and forwards to the platform over SIP (reference section 8.7). The
// API does not sell numbers.
var numberOperations = []operation{
	listNumbers, getNumber, registerNumber, updateNumber, deleteNumber,
}

// numberID is the path argument naming one registered phone number.
var numberID = str("number_id", "Phone number ID (a UUID, not the number itself), from list_numbers.").
	as("id").inPath()

// numberOut are the fields of a phone number a result schema names.
var numberOut = []field{
	{"id", "string"}, {"phone_number", "string"}, {"name", "string"}, {"agent_id", "string"},
	{"assistant_id", "string"}, {"agent_name", "string"}, {"is_active", "boolean"},
}

// numberView fills agent_id and assistant_id from each other: the SDK
// answers agent_id, the guides assistant_id, and both mean the assistant
// that answers the number. The guides' "number" becomes phone_number.
func numberView(n map[string]any) any {
	out := make(map[string]any, len(n)+1)
	for k, v := range n {
		out[k] = v
	}
	if out["agent_id"] == nil {
		out["agent_id"] = n["assistant_id"]
	}
	if out["assistant_id"] == nil {
		out["assistant_id"] = n["agent_id"]
	}
	if _, ok := out["phone_number"].(string); !ok {
		if s, ok := n["number"].(string); ok {
			out["phone_number"] = s
			delete(out, "number")
		}
	}
	return out
}

// oneNumber shapes an answer carrying one number into {number: ...}.
func oneNumber(body any, _ map[string]any) (any, error) {
	n, ok := objectUnder(body, "number")
	if !ok {
		return nil, errors.New("the answer has no number object")
	}
	return fitValue(map[string]any{"number": prune(numberView(n))}), nil
}
