package tools

// voiceOperations: being written.
var voiceOperations = []operation{}
