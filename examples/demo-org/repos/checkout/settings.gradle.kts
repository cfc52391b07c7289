rootProject.name = "checkout"

include("checkout-core", "checkout-api")
