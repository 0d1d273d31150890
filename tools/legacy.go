package tools

// legacyOperations: being written.
var legacyOperations = []operation{}
