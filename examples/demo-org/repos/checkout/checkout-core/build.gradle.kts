plugins {
    `java-library`
}

dependencies {
    // Zipkin / Brave tracing, shared by every checkout module.
    api("io.zipkin.brave:brave:6.0.3")
    implementation("io.zipkin.brave:brave-context-slf4j:6.0.3")
    implementation("io.zipkin.reporter2:zipkin-reporter-brave:3.4.0")
    implementation("io.zipkin.reporter2:zipkin-sender-urlconnection:3.4.0")

    implementation("org.slf4j:slf4j-api:2.0.13")
    testImplementation("org.junit.jupiter:junit-jupiter:5.10.3")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher:1.10.3")
}
