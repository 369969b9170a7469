/**
 * Test support shared by the MQTT transport's tests and the product tests: a real Mosquitto child process with a
 * throw-away certificate authority, password file and the NeuroMesh topic ACL. Never part of a feature.
 */
package org.neuromesh.testing.mosquitto;
