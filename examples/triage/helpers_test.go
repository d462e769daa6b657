package main

import "github.com/ghurbal/ghurbal/classify"

func classifyDefaultModel() *classify.Model { return classify.Default().Model() }
