// Package audit is the server's audit trail: one structured line for every
// action of a tool that writes, deletes or acts in the real world (places
// a call, stores a key), saying which tool acted on what, what came of it,
// and who confirmed it and how.
//
// A [Log] writes each [Entry] as one Info record with the message "audit"
// on the server's slog logger (stderr) and, when a file is configured, as
// one JSON object per line appended to that file. Before anything is
// written, every field goes through [MaskSecrets] and [MaskPhoneNumbers]:
// phone numbers keep only their last four digits and API keys, tokens and
// other secrets are replaced by "[redacted]", so the trail can be kept and
// shared without holding the numbers of the people called or any
// credential.
//
// The package depends on nothing of the server's own; the caller decides
// what to record and when.
package audit
