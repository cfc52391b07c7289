rootProject.name = "auth"
