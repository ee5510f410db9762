global using CaseTracker.Web.Infrastructure;
