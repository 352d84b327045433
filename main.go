package main

import (
	_ "schulit-lotse/assets"
	_ "schulit-lotse/persistence"
)

func main() {}
