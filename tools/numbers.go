package tools

// numberOperations: being written.
var numberOperations = []operation{}
