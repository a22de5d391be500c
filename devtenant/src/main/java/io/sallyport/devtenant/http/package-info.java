/** The two error shapes devtenant speaks: Entra's AADSTS token errors and Graph's odata errors. */
package io.sallyport.devtenant.http;
