"""layout/text"""
